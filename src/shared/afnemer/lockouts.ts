import { z } from 'zod';
import { IsoTime } from '../session/event-parts';

/** The plain lockouts file of kiosks before the MAC (read once, then rewritten as LOCKOUTS_SCHEMA). */
export const LEGACY_LOCKOUTS_SCHEMA = 'lbt.afnemer-lockouts/1';
export const LOCKOUTS_SCHEMA = 'lbt.afnemer-lockouts/2';
export const LOCKOUTS_ANCHOR_SCHEMA = 'lbt.afnemer-lockouts-anchor/1';

/** Wrong PINs in a row that lock an afnemer id. */
export const LOCK_AFTER_FAILURES = 5;

/** How long the n-th lock in a row lasts, in minutes; the last value repeats. */
export const LOCK_MINUTES = [1, 5, 15, 60, 240, 1440] as const;

export const LockoutEntry = z
  .object({
    /** Wrong PINs since the last lock (or the last good PIN). */
    failures: z.number().int().min(0),
    /** Locks in a row since the last good PIN: each lasts longer. */
    lockouts: z.number().int().min(0),
    lockedUntil: IsoTime.nullable(),
    lastFailureAt: IsoTime,
  })
  .strict();
export type LockoutEntry = z.infer<typeof LockoutEntry>;

const Generation = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** HMAC-SHA256, base64. */
const Mac = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a base64 HMAC-SHA256');

/** The plain file an older kiosk wrote; only ever read, to migrate its counts. */
export const LegacyLockoutsFile = z
  .object({ schema: z.literal(LEGACY_LOCKOUTS_SCHEMA), entries: z.record(z.string(), LockoutEntry) })
  .strict();
export type LegacyLockoutsFile = z.infer<typeof LegacyLockoutsFile>;

/**
 * `<dataDir>/afnemer/lockouts.json`: wrong-PIN counts and locks per afnemer id, kept across restarts. `mac`
 * covers the schema, the generation and every entry (src/host/afnemer/lockouts-mac.ts), so an edited or
 * forged file is refused; `generation` grows with every write, so an older copy is told apart from the latest.
 */
export const LockoutsFile = z
  .object({
    schema: z.literal(LOCKOUTS_SCHEMA),
    generation: Generation,
    entries: z.record(z.string(), LockoutEntry),
    mac: Mac,
  })
  .strict();
export type LockoutsFile = z.infer<typeof LockoutsFile>;

/**
 * `<dataDir>/keys/lockouts.anchor`: the generation of the last lockouts file written, MACed. While it exists a
 * lockouts file must too, and not an older one: deleting or rolling back lockouts.json is refused.
 */
export const LockoutsAnchor = z
  .object({ schema: z.literal(LOCKOUTS_ANCHOR_SCHEMA), generation: Generation, mac: Mac })
  .strict();
export type LockoutsAnchor = z.infer<typeof LockoutsAnchor>;
