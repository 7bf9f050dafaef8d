/**
 * The per-device request budget, keyed only on a device the request has proved to be: the enrolled device whose
 * key signed the result (after the ingest check) or the roster request (after device-auth). A device id in a
 * header or body proves nothing (it is not secret), so keying on it let a random id per request escape the
 * limit and let anyone spend a real kiosk's budget and block its uploads. Unproved requests are bounded by the
 * per-address ceiling in front (app.ts) instead.
 *
 * Fixed windows in memory, per instance, like the address ceiling. Keys are enrolled devices only, so the map
 * is bounded by the number of kiosks; windows that ended are dropped when the map is swept.
 */
import type { FastifyReply } from 'fastify';
import { ProblemError } from './problem';

export interface DeviceLimitOptions {
  max: number;
  timeWindowMs: number;
  now: () => Date;
}

export class DeviceLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly options: DeviceLimitOptions) {}

  /** Counts one request of a verified device; over budget: sets Retry-After and throws 429 `rate-limited`. */
  take(deviceId: string, reply: FastifyReply): void {
    const now = this.options.now().getTime();
    const { max, timeWindowMs } = this.options;
    if (this.windows.size > 10_000) this.sweep(now);
    let window = this.windows.get(deviceId);
    if (!window || now - window.start >= timeWindowMs) {
      window = { start: now, count: 0 };
      this.windows.set(deviceId, window);
    }
    window.count++;
    if (window.count > max) {
      const seconds = Math.max(1, Math.ceil((window.start + timeWindowMs - now) / 1000));
      void reply.header('retry-after', String(seconds));
      throw new ProblemError(
        429,
        'rate-limited',
        `Too many requests from device ${deviceId}; try again in ${seconds} s.`,
      );
    }
  }

  private sweep(now: number): void {
    for (const [id, window] of this.windows) {
      if (now - window.start >= this.options.timeWindowMs) this.windows.delete(id);
    }
  }
}
