/**
 * When to try again after a failed upload: exponential backoff with "full jitter" (a uniformly random delay
 * between 0 and min(cap, base * 2^n)). The randomness spreads kiosks that lost the network together, so they
 * do not all return at the same instant when it comes back; the cap keeps an offline kiosk trying every few
 * minutes for as long as it takes.
 */
export interface BackoffPolicy {
  /** The first window (ms): the first retry waits up to this long. */
  baseMs: number;
  /** The largest window (ms). */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 10 * 60_000 };

/** The window for the n-th failure in a row (n >= 1): base, 2 base, 4 base, … up to the cap. */
export function backoffWindow(failures: number, policy: BackoffPolicy): number {
  if (failures < 1) return 0;
  // 2^n overflows to Infinity long before n matters; min() then gives the cap, which is what we want.
  return Math.min(policy.capMs, policy.baseMs * 2 ** (failures - 1));
}

/** The delay before the next attempt: uniform in [0, window). `random` returns [0, 1) like Math.random. */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number): number {
  return Math.floor(random() * backoffWindow(failures, policy));
}
