/**
 * The hostile bodies of the ingest fuzz suite. Every one must be refused with a 4xx problem: none may be
 * stored. Each kind names the defence it probes.
 */
import { createHash } from 'node:crypto';
import type { Rng } from '../faults/rng';
import { signResult } from '../../src/host/result/sign';
import type { SignedResult } from '../../src/shared/result';
import { SMALL_ORDER_ENCODINGS } from '../../src/shared/signing/ed25519-encoding';
import { IDENTITY_FORGERY, respell, withSPlusL } from '../support/ed25519-forgery';
import { resultRecord, signedResult, type TestDevice } from '../support/results-service';

export interface FuzzBody {
  kind: string;
  body: string;
  contentType: string;
}

export interface FuzzWorld {
  enrolled: TestDevice;
  revoked: TestDevice;
  unknown: TestDevice;
  /** The one legitimate result, stored before the run: the target of changed-bytes-under-its-id. */
  baseline: SignedResult;
}

const JSON_TYPE = 'application/json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON tree. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], replace: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(root) ?? null;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const next = replace(node[last]!);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = next;
  return copy;
}

/** A value of another JSON type than `old`. */
function otherType(rng: Rng, old: Json): Json {
  const candidates: Json[] = [
    null,
    true,
    -1,
    1.5,
    2 ** 53 + 2,
    '',
    'x'.repeat(rng.int(1, 64)),
    [],
    {},
    [1, 'a'],
    { a: 1 },
  ];
  const type = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  return rng.pick(candidates.filter((c) => type(c) !== type(old)));
}

const text = (value: unknown) => JSON.stringify(value);

const makers: Record<string, (rng: Rng, world: FuzzWorld) => FuzzBody> = {
  'bad-json': (rng, world) => {
    const valid = text(signedResult(world.enrolled));
    const choices = [
      valid.slice(0, rng.int(0, valid.length - 1)),
      valid.replace('{', '{,'),
      `${valid}}`,
      "{'payload': 1}",
      'undefined',
      'NaN',
      '\u0000\u0001\u0002',
      '['.repeat(rng.int(1, 50_000)),
      Buffer.from(Array.from({ length: rng.int(1, 200) }, () => rng.int(0, 255))).toString('latin1'),
    ];
    return { kind: 'bad-json', body: rng.pick(choices), contentType: JSON_TYPE };
  },
  'wrong-type': (rng, world) => {
    const envelope = signedResult(world.enrolled) as unknown as Json;
    const all = paths(envelope);
    const path = rng.pick(all);
    return {
      kind: 'wrong-type',
      body: text(setAt(envelope, path, (old) => otherType(rng, old))),
      contentType: JSON_TYPE,
    };
  },
  'missing-or-extra-field': (rng, world) => {
    const envelope = signedResult(world.enrolled) as unknown as Json;
    const objectPaths = paths(envelope).filter((p) => p.length > 0);
    const path = rng.pick(objectPaths);
    const mutated = rng.chance(0.5)
      ? setAt(envelope, path, () => undefined)
      : setAt(envelope, path.slice(0, -1), (parent) =>
          parent && typeof parent === 'object' && !Array.isArray(parent)
            ? { ...parent, extra: 'x' }
            : [parent, 'extra'],
        );
    return { kind: 'missing-or-extra-field', body: text(mutated), contentType: JSON_TYPE };
  },
  'huge-field': (rng, world) => {
    const envelope = signedResult(world.enrolled);
    const size = rng.pick([2_000, 70_000, 600_000]);
    const big = 'Z'.repeat(size);
    const variants = [
      { ...envelope, payload: { ...envelope.payload, candidateRef: big } },
      { ...envelope, signature: big },
      {
        ...envelope,
        payload: {
          ...envelope.payload,
          afnamecondities: { ...envelope.payload.afnamecondities, session: { notes: big } },
        },
      },
      {
        ...envelope,
        payload: {
          ...envelope.payload,
          items: Array.from({ length: size / 100 }, () => envelope.payload.items[0]),
        },
      },
    ];
    return { kind: 'huge-field', body: text(rng.pick(variants)), contentType: JSON_TYPE };
  },
  'bad-signature': (rng, world) => {
    const envelope = signedResult(world.enrolled);
    const bytes = Buffer.from(Array.from({ length: 64 }, () => rng.int(0, 255)));
    const variants = [
      { ...envelope, signature: bytes.toString('base64') },
      { ...envelope, signature: signedResult(world.enrolled).signature },
      {
        ...envelope,
        signature: envelope.signature.slice(0, 85) + (envelope.signature[85] === 'A' ? 'B' : 'A') + '==',
      },
      { ...envelope, keyId: world.unknown.keyId },
      { ...envelope, alg: 'RS256' },
    ];
    return { kind: 'bad-signature', body: text(rng.pick(variants)), contentType: JSON_TYPE };
  },
  'flipped-byte': (rng, world) => {
    const bytes = Buffer.from(text(signedResult(world.enrolled)), 'utf8');
    const at = rng.int(0, bytes.length - 1);
    bytes[at] = bytes[at]! ^ (1 << rng.int(0, 7));
    return { kind: 'flipped-byte', body: bytes.toString('latin1'), contentType: JSON_TYPE };
  },
  'unknown-device': (_rng, world) => ({
    kind: 'unknown-device',
    body: text(signedResult(world.unknown)),
    contentType: JSON_TYPE,
  }),
  'revoked-device': (_rng, world) => ({
    kind: 'revoked-device',
    body: text(signedResult(world.revoked)),
    contentType: JSON_TYPE,
  }),
  'changed-under-existing-id': (rng, world) => {
    const fresh = resultRecord(world.enrolled, { candidateRef: `K-${rng.int(1000, 9999)}` });
    const forged = signResult({ ...fresh, resultId: world.baseline.payload.resultId }, world.enrolled.signer);
    return { kind: 'changed-under-existing-id', body: text(forged), contentType: JSON_TYPE };
  },
  'unknown-package': (rng, world) => {
    const hash = Array.from({ length: 64 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
    return {
      kind: 'unknown-package',
      body: text(signedResult(world.enrolled, { packageHash: hash })),
      contentType: JSON_TYPE,
    };
  },
  'wrong-content-type': (rng, world) => ({
    kind: 'wrong-content-type',
    body: text(signedResult(world.enrolled)),
    contentType: rng.pick([
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/problem+json',
      'application/octet-stream',
    ]),
  }),
  'not-an-envelope': (rng) => ({
    kind: 'not-an-envelope',
    body: text(
      rng.pick<Json>([
        null,
        0,
        'result',
        [],
        {},
        { payload: {} },
        { __proto__: { admin: true } } as Json,
        { constructor: { prototype: 1 } },
      ]),
    ),
    contentType: JSON_TYPE,
  }),
  // I-JSON: JSON.parse keeps the last duplicate, so the signature (over the genuine last value) would verify.
  'duplicate-key': (rng, world) => {
    const valid = text(signedResult(world.enrolled));
    const variants = [
      valid.replace('"payload":{', '"payload":{"candidateRef":"SPOOFED",'),
      valid.replace('"payload":{', '"payload":{"\\u0063andidateRef":"SPOOFED",'),
      valid.replace(/^\{/, '{"signature":"AAAA",'),
      valid.replace('"items":[{', '"items":[{"correct":false,'),
      valid.replace(/\}$/, `,"payload":${JSON.stringify(signedResult(world.enrolled).payload)}}`),
    ];
    return { kind: 'duplicate-key', body: rng.pick(variants), contentType: JSON_TYPE };
  },
  // The 8 low-order points of edwards25519 in all 14 encodings (sign bit set, y >= p), each as R with S = 0
  // (R = identity, S = 0 verifies for any message under a small-order key without any private key).
  'small-order': (rng, world) => {
    const point = Buffer.from(rng.pick(SMALL_ORDER_ENCODINGS), 'hex');
    const forged = rng.pick([IDENTITY_FORGERY, Buffer.concat([point, Buffer.alloc(32)])]).toString('base64');
    const keyId = createHash('sha256').update(point).digest('hex');
    const envelope = signedResult(world.enrolled);
    const variants: unknown[] = [
      { ...envelope, signature: forged },
      {
        ...envelope,
        keyId,
        payload: { ...envelope.payload, deviceId: `lbt-dev-${keyId.slice(0, 16)}` },
        signature: forged,
      },
    ];
    return { kind: 'small-order', body: text(rng.pick(variants)), contentType: JSON_TYPE };
  },
  // A genuine signature made non-canonical: S + L (the same value mod L), R with y >= p, another base64 spelling.
  'non-canonical-signature': (rng, world) => {
    const envelope = signedResult(world.enrolled);
    const rNonCanonical = Buffer.from(envelope.signature, 'base64');
    rNonCanonical.set(Buffer.from(rng.pick(NON_CANONICAL_Y), 'hex'), 0);
    const signature = rng.pick([
      withSPlusL(envelope.signature),
      rNonCanonical.toString('base64'),
      respell(envelope.signature),
    ]);
    return {
      kind: 'non-canonical-signature',
      body: text({ ...envelope, signature }),
      contentType: JSON_TYPE,
    };
  },
};

/** y = p + k for k in 2..18 (0 and 1 are small-order): not canonical, whichever point they would decode to. */
const NON_CANONICAL_Y = Array.from(
  { length: 17 },
  (_, i) => (0xef + i).toString(16) + 'ff'.repeat(30) + '7f',
);

export const FUZZ_KINDS = Object.keys(makers);

export function fuzzBody(rng: Rng, world: FuzzWorld): FuzzBody {
  return makers[rng.pick(FUZZ_KINDS)]!(rng, world);
}
