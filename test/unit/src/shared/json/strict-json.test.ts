import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateKey, parseStrictJson, StrictJsonError } from '../../../../../src/shared/json';

function problemOf(text: string): StrictJsonError {
  try {
    parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) return error;
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe('parseStrictJson', () => {
  it('parses what JSON.parse parses when no object repeats a name', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(parseStrictJson(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('refuses a repeated name and says where (JSON.parse would keep the last one)', () => {
    const text = '{"payload":{"candidateRef":"SPOOF","x":[1,{"a":1}],"candidateRef":"K-1"},"signature":"s"}';
    expect(JSON.parse(text).payload.candidateRef).toBe('K-1');
    const error = problemOf(text);
    expect(error.problem).toBe('duplicate-key');
    expect(error.path).toBe('$.payload');
    expect(error.key).toBe('candidateRef');
    expect(error.message).toContain('"candidateRef"');
    expect(problemOf('{"signature":"a","payload":{},"signature":"b"}').path).toBe('$');
    expect(problemOf('[0,{"k":[{}, {"a":1,"a":1}]}]').path).toBe('$[1].k[1]');
    expect(problemOf('{"a b":{"z":1,"z":2}}').path).toBe('$["a b"]');
  });

  it('compares names decoded: an escaped spelling is the same name', () => {
    expect(problemOf('{"a":1,"\\u0061":2}').key).toBe('a');
    expect(problemOf('{"\\"":1,"\\u0022":2}').key).toBe('"');
  });

  it('does not confuse values, nested objects or escaped quotes with names', () => {
    expect(findDuplicateKey('{"a":"a","b":{"a":1},"c":["a","a"],"d":"x\\",\\"d\\":1"}')).toBeNull();
    expect(findDuplicateKey('[{"a":1},{"a":1}]')).toBeNull();
    expect(findDuplicateKey('{"__proto__":1,"constructor":2}')).toBeNull();
    expect(problemOf('{"__proto__":1,"__proto__":2}').problem).toBe('duplicate-key');
  });

  it('finds a duplicate injected anywhere in a random document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, key) => {
        // A replacer function: a key like "$$" must not be read as a replacement pattern.
        const text = JSON.stringify({ wrap: [value], [key]: 1 }).replace(
          /}$/,
          () => `,${JSON.stringify(key)}:2}`,
        );
        expect(findDuplicateKey(text)).toEqual({ path: '$', key });
      }),
    );
  });

  it('reports malformed JSON as a syntax problem', () => {
    expect(problemOf('{"a":').problem).toBe('syntax');
    expect(problemOf('').problem).toBe('syntax');
  });
});
