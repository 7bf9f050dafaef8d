/**
 * RFC 8785 (JCS) text of a value that came out of JSON.parse: the same bytes as src/shared/signing's
 * `canonicalJson`, about three times faster, because ingest canonicalizes every uploaded payload and the generic
 * library (which also handles toJSON, cycles and undefined, none of which JSON.parse can produce) was the largest
 * single cost of `POST /v1/results`. Property-tested against `canonicalJson` (test/unit/src/server/crypto/canonical-json.test.ts).
 *
 * Strings and numbers are written by JSON.stringify, which is what JCS prescribes; object keys are sorted by
 * UTF-16 code units (JavaScript's default sort); a lone surrogate or a non-finite number cannot be canonicalized.
 *
 * Fast path: kiosks upload the envelope in its canonical form, so after JSON.parse every object's keys are
 * already in canonical order. Then the canonical text is exactly what the native JSON.stringify writes, which is
 * several times faster than building it key by key. One walk confirms the order and that every number is finite;
 * a lone surrogate shows up in JSON.stringify's output as a `\udXXX` escape (valid pairs are never escaped), so
 * any such escape sends the value down the exact path, which refuses it (or, for an escaped backslash followed by
 * the letters "ud8..", writes the same text anyway).
 */
import { CanonicalizationError } from '../../shared/signing';

/** String.prototype.isWellFormed (Node 20; native, unlike a per-character loop); our TS lib predates it. */
const wellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

export function canonicalJsonOfParsed(value: unknown): string {
  if (inCanonicalOrder(value)) {
    const text = JSON.stringify(value);
    if (!SURROGATE_ESCAPE.test(text)) return text;
  }
  return writeSorted(value);
}

const SURROGATE_ESCAPE = /\\ud[89a-f]/;

/** Every object's own keys ascend by UTF-16 code units and every number is finite. */
function inCanonicalOrder(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i])) return false;
    return true;
  }
  let previous: string | undefined;
  // for-in walks own keys in the order JSON.stringify writes them (JSON.parse objects inherit no enumerable keys).
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The exact path: keys sorted object by object, every string and key checked for lone surrogates. */
function writeSorted(value: unknown): string {
  switch (typeof value) {
    case 'string':
      if (!wellFormed(value))
        throw new CanonicalizationError('cannot canonicalize: Lone surrogate is not allowed');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new CanonicalizationError('cannot canonicalize: the number is not finite');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + writeSorted(value[i]);
        return out + ']';
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (!wellFormed(key))
          throw new CanonicalizationError('cannot canonicalize: Lone surrogate is not allowed');
        out += (i > 0 ? ',' : '') + JSON.stringify(key) + ':' + writeSorted(record[key]);
      }
      return out + '}';
    }
    default:
      throw new CanonicalizationError(`cannot canonicalize: a ${typeof value} is not JSON`);
  }
}
