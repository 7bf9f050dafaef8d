import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonValue, JsonValue } from '../../../../../src/shared/journal/json-value';

/** -0 is the one value JSON turns into another (0); harmless for events, so the comparison folds it. */
function foldNegativeZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(foldNegativeZero);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, foldNegativeZero(v)]));
  }
  return value;
}

describe('isJsonValue (the append path check)', () => {
  it('accepts every JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => isJsonValue(value)));
  });

  it('accepts only what the JsonValue schema accepts and what survives a JSON round trip', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withNullPrototype: true,
          withSparseArray: true,
          withTypedArray: true,
        }),
        (value) => {
          if (!isJsonValue(value)) return;
          expect(JsonValue.safeParse(value).success).toBe(true);
          expect(JSON.parse(JSON.stringify(value))).toEqual(foldNegativeZero(value));
        },
      ),
    );
  });

  it('refuses NaN, Infinity, undefined, functions, class instances, sparse arrays and cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [
      Number.NaN,
      Number.NEGATIVE_INFINITY,
      undefined,
      () => 1,
      new Date(0),
      new Map(),
      new Array<number>(3), // sparse: holes are not JSON
      { a: undefined },
      cyclic,
      1n,
    ]) {
      expect(isJsonValue(bad)).toBe(false);
    }
  });
});
