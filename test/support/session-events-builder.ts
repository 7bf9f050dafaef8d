import type { SessionContext, SessionEvent, SessionEventInput } from '../../src/shared/session';
import { stampEvent } from '../../src/shared/session';
import { PACKAGE_HASH } from './session-fixture';

/** Builds stamped events with consecutive seq numbers and a clock that moves one second per event. */
export class EventClock {
  seq = 0;
  time = Date.parse('2026-03-02T09:00:00.000Z');
  constructor(private readonly context: Pick<SessionContext, 'practice'>) {}

  next(input: SessionEventInput | SessionEvent, stepMs = 1000): SessionEvent {
    this.time += stepMs;
    this.seq += 1;
    const { seq: _s, at: _a, ...body } = input as SessionEvent;
    return stampEvent(
      body as SessionEventInput,
      { seq: this.seq, at: new Date(this.time).toISOString() },
      this.context,
    );
  }

  opened(overrides: Record<string, unknown> = {}): SessionEvent {
    this.time += 1000;
    this.seq += 1;
    return {
      type: 'session.opened',
      seq: this.seq,
      at: new Date(this.time).toISOString(),
      sessionId: '018f3c2e-7b1a-7c3d-9e4f-0a1b2c3d4e5f',
      packageId: 'mini-pkg',
      packageHash: PACKAGE_HASH,
      definitionId: 'mini',
      definitionVersion: '1.0.0',
      cesuur: 2,
      language: 'nl',
      afnemerId: 'afnemer-7',
      candidateRef: 'K-2026-0042',
      gemeente: 'Utrecht',
      doelgroep: 'asielstatushouder',
      conditions: {},
      ...overrides,
    } as SessionEvent;
  }
}

/** A clock that continues after `state`'s last event. */
export function clockAfter(
  state: { lastSeq: number; clock: { lastAt: string | null } },
  context: Pick<SessionContext, 'practice'>,
): EventClock {
  const clock = new EventClock(context);
  clock.seq = state.lastSeq;
  clock.time = Date.parse(state.clock.lastAt ?? '2026-03-02T09:00:00.000Z');
  return clock;
}
