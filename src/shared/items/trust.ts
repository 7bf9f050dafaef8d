import { z } from 'zod';
import { Ed25519PublicKeyBase64 } from '../signing/ed25519-text';
import { Sha256Hex } from './ids';

const SpkiPem = z
  .string()
  .regex(/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\s*$/, 'an SPKI PEM public key');

/** Raw base64 or PEM, picked by its first characters so a refusal says what is wrong (a union says neither). */
const PublisherPublicKey = z.string().superRefine((text, ctx) => {
  const schema = text.startsWith('-----BEGIN') ? SpkiPem : Ed25519PublicKeyBase64;
  for (const issue of schema.safeParse(text).error?.issues ?? []) {
    ctx.addIssue({ code: 'custom', message: issue.message });
  }
});

/** One publisher whose signature on a package manifest a kiosk accepts. */
export const PublisherKey = z
  .object({
    /** sha256 (hex) of the raw 32-byte public key; must match the key itself. */
    keyId: Sha256Hex,
    publicKey: PublisherPublicKey,
    name: z.string().min(1),
    /** A development key: trusted only where the policy allows development keys (never in production builds). */
    development: z.boolean(),
  })
  .strict();
export type PublisherKey = z.infer<typeof PublisherKey>;

/** Which package publishers a kiosk trusts. Production publishers' keys come from configuration. */
export const TrustPolicy = z
  .object({
    publisherKeys: z.array(PublisherKey),
    allowDevelopmentKeys: z.boolean(),
  })
  .strict();
export type TrustPolicy = z.infer<typeof TrustPolicy>;

/** A file listing trusted publishers (e.g. items/tools/trusted-publishers.json); the shell decides about dev keys. */
export const TrustedPublishersFile = z
  .object({
    schema: z.literal('lbt.trusted-publishers/1'),
    publisherKeys: z.array(PublisherKey),
  })
  .strict();
export type TrustedPublishersFile = z.infer<typeof TrustedPublishersFile>;

/**
 * A publisher's signing key pair as kept by the publisher (the development key in items/tools/).
 * `privateKey` is base64 of the PKCS#8 DER encoding.
 */
export const PublisherKeyPairFile = z
  .object({
    schema: z.literal('lbt.publisher-key/1'),
    warning: z.string().min(1),
    name: z.string().min(1),
    development: z.boolean(),
    keyId: Sha256Hex,
    publicKey: Ed25519PublicKeyBase64,
    privateKey: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 of a PKCS#8 DER Ed25519 private key'),
  })
  .strict();
export type PublisherKeyPairFile = z.infer<typeof PublisherKeyPairFile>;
