import { z } from 'zod';
import { JsonValue } from '../journal/json-value';
import { Ed25519SignatureBase64 } from './ed25519-text';

/** The only signature algorithm we issue or accept. */
export const SignatureAlgorithm = z.literal('Ed25519');

/** sha256 (lowercase hex) of the signer's raw 32-byte public key, as in ManifestSignature.keyId. */
export const KeyId = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');

/**
 * A signed JSON value. `signature` is Ed25519 over the RFC 8785 canonical UTF-8 bytes of `payload` (nothing
 * else), made with the key whose raw public key hashes to `keyId`. The payload names its own kind (e.g. a
 * `schema` field), which keeps a signature for one kind of record from being passed off as another.
 */
export function signedEnvelope<T extends z.ZodType>(payload: T) {
  return z
    .object({
      payload,
      signature: Ed25519SignatureBase64,
      keyId: KeyId,
      alg: SignatureAlgorithm,
    })
    .strict();
}

export const SignedEnvelope = signedEnvelope(JsonValue);
export type SignedEnvelope<P = JsonValue> = Omit<z.infer<typeof SignedEnvelope>, 'payload'> & { payload: P };
