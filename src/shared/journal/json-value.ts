import { z } from 'zod';

/**
 * What the journal stores per record: any JSON value. The session layer narrows it with its own event schema;
 * the journal only insists that the value survives a JSON round trip (no NaN, no undefined), so the folded state
 * after a restart is exactly the state that was acknowledged.
 */
export const JsonValue = z.json();
export type JsonValue = z.infer<typeof JsonValue>;

const MAX_DEPTH = 256;

/**
 * The append path's check, stricter than `JsonValue` and about ten times faster (it runs before every fsync):
 * only plain objects and arrays, finite numbers, strings, booleans and null, so `JSON.parse(JSON.stringify(v))`
 * gives `v` back. Property-tested against the schema in test/unit/src/shared/journal/json-value.test.ts.
 */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!(i in value) || !isJsonValue(value[i], depth + 1)) return false;
        }
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      if (Object.getOwnPropertySymbols(value).length > 0) return false;
      for (const key in value) {
        if (!isJsonValue((value as Record<string, unknown>)[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
