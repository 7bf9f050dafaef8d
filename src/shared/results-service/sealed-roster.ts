import { z } from 'zod';

export const SEALED_ROSTER_SCHEMA = 'lbt.sealed-roster/1';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/**
 * The kiosk's cached roster at rest (`<dataDir>/roster.sealed`): the signed roster's JSON, AES-256-GCM under a
 * roster key that only the kiosk's key provider can unseal, with this schema name as additional data. It is
 * sealed because the roster holds each afnemer's PIN verifier, and a 5 or 6 digit PIN falls to offline guessing
 * in minutes; the roster's own signature still decides whether its contents are trusted.
 */
export const SealedRosterFile = z
  .object({
    schema: z.literal(SEALED_ROSTER_SCHEMA),
    /** 12 random bytes, new for every write. */
    iv: Base64.length(16),
    /** The 16-byte GCM tag. */
    tag: Base64.length(24),
    ciphertext: Base64.min(4),
  })
  .strict();
export type SealedRosterFile = z.infer<typeof SealedRosterFile>;
