/** The outbox's time and timers. */
/** Time and timers, injectable so unit tests move time without sleeping. */
export interface OutboxClock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: OutboxClock = {
  now: () => new Date(),
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    // The outbox never keeps a process alive on its own: a host that is told to stop, stops.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
