import { z } from 'zod';
import { IsoTime } from '../session/event-parts';

export const LOCKOUTS_SCHEMA = 'lbt.afnemer-lockouts/1';

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

/** `<dataDir>/afnemer/lockouts.json`: wrong-PIN counts and locks per afnemer id, kept across restarts. */
export const LockoutsFile = z
  .object({ schema: z.literal(LOCKOUTS_SCHEMA), entries: z.record(z.string(), LockoutEntry) })
  .strict();
export type LockoutsFile = z.infer<typeof LockoutsFile>;
