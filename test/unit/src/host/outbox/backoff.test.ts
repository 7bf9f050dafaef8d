import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, backoffWindow, DEFAULT_BACKOFF } from '../../../../../src/host/outbox';

const policy = { baseMs: 2_000, capMs: 600_000 };

describe('backoff with full jitter', () => {
  it('defaults to a 2 s first window and a 10 minute cap', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 2_000, capMs: 600_000 });
  });

  it('doubles the window per failure in a row up to the cap, and stays there', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffWindow(n, policy))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000,
    ]);
    expect(backoffWindow(9, policy)).toBe(512_000);
    expect(backoffWindow(10, policy)).toBe(600_000);
    // Days offline: thousands of failures must neither overflow to NaN nor grow past the cap.
    expect(backoffWindow(5_000, policy)).toBe(600_000);
    expect(backoffWindow(0, policy)).toBe(0);
  });

  it('draws the delay uniformly from [0, window)', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(4_000);
    expect(backoffDelay(3, policy, () => 0.999999)).toBe(7_999);
  });

  it('never waits longer than the window nor the cap, for any draw and failure count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const delay = backoffDelay(n, policy, () => r);
          return (
            Number.isInteger(delay) && delay >= 0 && delay < backoffWindow(n, policy) && delay < policy.capMs
          );
        },
      ),
    );
  });
});
