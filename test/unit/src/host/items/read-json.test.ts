import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonErrorOffset } from '../../../../../src/shared/json/error-position';
import { parsePackageJson } from '../../../../../src/host/items/read-json';

describe('malformed JSON is located by line and column', () => {
  it.each([
    ['{"a":1,}', 7],
    ['{"a":1', 6],
    ['', 0],
    ['{\n "a": 1\n "b": 2}', 11],
    ['[1, 2,, 3]', 6],
    ['{"a": tru}', 9],
    ['{"a": "x\ny"}', 8],
    ['{"a": 01}', 7],
    ['{} x', 3],
  ])('%j fails at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('reports line, column and reason, and schema issues as JSON paths', () => {
    const schema = z.object({ list: z.array(z.object({ id: z.string() })) });
    const broken = parsePackageJson('f.json', Buffer.from('{\n  "list": [\n    {"id": }\n  ]\n}'), schema);
    expect(broken).toEqual({
      ok: false,
      problems: [
        {
          file: 'f.json',
          path: '$',
          message: expect.stringMatching(/^malformed JSON at line 3, column 12: Unexpected token/),
        },
      ],
    });
    const wrong = parsePackageJson('f.json', Buffer.from('{"list":[{"id":"a"},{"id":2}]}'), schema);
    expect(wrong).toEqual({
      ok: false,
      problems: [{ file: 'f.json', path: '$.list[1].id', message: expect.any(String) }],
    });
    expect(parsePackageJson('f.json', Buffer.from('\ufeff{"list":[]}'), schema)).toEqual({
      ok: true,
      value: { list: [] },
    });
  });
});

describe('package files refuse a repeated name (I-JSON)', () => {
  it('reports the object and the key instead of keeping the last value as JSON.parse does', () => {
    const schema = z.object({ id: z.string(), list: z.array(z.object({ key: z.string() })) });
    const text = '{"id":"a","list":[{"key":"x","key":"y"}]}';
    expect(JSON.parse(text).list[0].key).toBe('y');
    expect(parsePackageJson('item.json', Buffer.from(text), schema)).toEqual({
      ok: false,
      problems: [
        { file: 'item.json', path: '$.list[0]', message: expect.stringContaining('duplicate key "key"') },
      ],
    });
  });
});
