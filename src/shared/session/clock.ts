import type { SessionClock, SessionStatus } from './state';

/** Milliseconds of an ISO timestamp; the reducer's only notion of time. */
export function ms(at: string): number {
  return Date.parse(at);
}

/**
 * Moves the clock to `at`: the time since the previous event counts as active or paused according to the
 * status it passed in; `downMs` of it (a host interruption) counts as neither. After the sitting ended
 * nothing is counted, so waiting for the afnemer is not test time: active + paused + interrupted always
 * equals the time from opening to the end (or to the last event).
 */
export function advanceClock(
  clock: SessionClock,
  status: SessionStatus,
  at: string,
  downMs = 0,
): SessionClock {
  const last = clock.lastAt === null ? ms(at) : ms(clock.lastAt);
  const rest = Math.max(0, ms(at) - last - downMs);
  return {
    ...clock,
    lastAt: at,
    activeMs: clock.activeMs + (status === 'active' ? rest : 0),
    pausedMs: clock.pausedMs + (status === 'paused' ? rest : 0),
    interruptedMs: clock.interruptedMs + (status === 'active' || status === 'paused' ? downMs : 0),
  };
}
