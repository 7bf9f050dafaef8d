import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errnoCode, errnoKind, errnoMessage } from '../../../../../src/shared/errors/errno';
import { formatIssues, parseJson } from '../../../../../src/shared/json';

const Schema = z.object({ name: z.string(), items: z.array(z.object({ n: z.number() })) }).strict();

describe('parseJson: the one parse helper', () => {
  it('returns the typed value', () => {
    expect(parseJson(Schema, '{"name":"a","items":[{"n":1}]}', 'f.json')).toEqual({
      ok: true,
      value: { name: 'a', items: [{ n: 1 }] },
    });
  });

  it('lists every issue with its path, not only the first', () => {
    const parsed = parseJson(Schema, '{"items":[{"n":1},{"n":"2"}],"extra":true}', 'f.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.problem).toBe('schema');
    expect(parsed.error.issues.map((issue) => issue.path)).toEqual(['$.name', '$.items[1].n', '$']);
    expect(parsed.error.message).toMatch(/^f\.json: \$\.name: .+; \$\.items\[1\]\.n: .+; .*extra/);
  });

  it('refuses a duplicate key (I-JSON), naming the object and the key', () => {
    const parsed = parseJson(Schema, '{"name":"a","items":[],"name":"b"}', 'f.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.problem).toBe('duplicate-key');
    expect(parsed.error.message).toMatch(/^f\.json is not JSON: duplicate key "name" in the object at \$/);
  });

  it('says where malformed JSON goes wrong', () => {
    const parsed = parseJson(Schema, '{\n  "name": }', 'f.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.problem).toBe('syntax');
    expect(parsed.error.message).toMatch(/^f\.json is not JSON: malformed JSON at line 2, column 11/);
  });

  it('formats a refused scalar without a bare "$"', () => {
    const parsed = z.string().min(3, 'too short').safeParse('ab');
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(formatIssues(parsed.error)).toBe('too short');
  });
});

describe('errno: the one errno helper', () => {
  it.each([
    ['ENOENT', 'missing', /does not exist/],
    ['EACCES', 'read-only', /permission denied/],
    ['EPERM', 'read-only', /not permit/],
    ['EISDIR', 'not-a-file', /folder, not a file/],
    ['ENOTDIR', 'not-a-file', /not a folder/],
    ['ENOSPC', 'disk-full', /disk is full/],
    ['EDQUOT', 'disk-full', /quota/],
    ['EFBIG', 'disk-full', /too large/],
    ['EROFS', 'read-only', /read-only/],
    ['EIO', 'io-error', /input\/output/],
    ['EWHATEVER', 'io-error', /cannot be read or written/],
  ])('%s is %s with a clear message', (code, kind, message) => {
    expect(errnoKind(code)).toBe(kind);
    expect(errnoMessage(code)).toMatch(message);
    expect(errnoMessage(code)).toContain(`(${code})`);
  });

  it('reads the code off any thrown value', () => {
    expect(errnoCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(errnoCode(new Error('x'))).toBe('UNKNOWN');
    expect(errnoCode(null)).toBe('UNKNOWN');
  });
});
