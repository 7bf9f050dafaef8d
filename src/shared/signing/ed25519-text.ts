/**
 * The zod shapes of Ed25519 keys and signatures as JSON carries them (base64 text). Every boundary that takes a
 * key or a signature uses these, so a small-order key or a second spelling of the same bytes is refused where
 * it enters: enrollment, the pinned server key, trusted publishers, the device identity file, envelopes.
 */
import { z } from 'zod';
import { decodeEd25519PublicKey } from './ed25519-encoding';
import { decodeBase64Strict } from './strict-base64';

/** base64 of a raw 32-byte Ed25519 public key: canonical text, canonical point, not of small order. */
export const Ed25519PublicKeyBase64 = z.string().superRefine((text, ctx) => {
  const decoded = decodeEd25519PublicKey(text);
  if (!decoded.ok)
    ctx.addIssue({ code: 'custom', message: `not a usable Ed25519 public key: ${decoded.problem}` });
});

/**
 * base64 of a 64-byte Ed25519 signature, in its one canonical spelling. Whether R and S are acceptable is
 * checked where the signature is verified (decodeEd25519Signature), so that refusal reads as a bad signature.
 */
export const Ed25519SignatureBase64 = z
  .string()
  .refine((text) => decodeBase64Strict(text)?.length === 64, 'the canonical base64 of 64 bytes');
