import { describe, expect, it } from 'vitest';
import { validityOf } from '../../../../../src/shared/result/validity';
import {
  checkSessionInvariants,
  createSessionReducer,
  SessionEventInput,
  type SessionEvent,
  type SessionState,
} from '../../../../../src/shared/session';
import { clockAfter } from '../../../../support/session-events-builder';
import { context } from '../../../../support/session-fixture';
import { happyPath } from '../../../../support/session-script';

/** The happy path folded up to (and including) the first event that `pick` names. */
function foldTo(pick: (e: SessionEvent) => boolean) {
  const reducer = createSessionReducer(context());
  const { events } = happyPath();
  const folded = reducer.fold(events.slice(0, events.findIndex(pick) + 1));
  if (!folded.ok) throw new Error(folded.reason);
  return { reducer, state: folded.state, clock: clockAfter(folded.state, reducer.context) };
}

describe('session reducer: long quiet spells (candidate.idle)', () => {
  it('records each long idle on the opgave on screen as an incident that the validity flags count', () => {
    const { reducer, state: start, clock } = foldTo((e) => e.type === 'opgave.shown' && e.itemId === 'w1');
    expect(validityOf(start, reducer.context).longIdles).toBe(0);
    let state: SessionState = start;
    for (const idleMs of [60_000, 75_000]) {
      const result = reducer.apply(
        state,
        clock.next({ type: 'candidate.idle', itemId: 'w1', idleMs }, idleMs),
      );
      if (!result.ok) throw new Error(result.reason);
      state = result.state;
    }
    expect(state.incidents).toEqual([
      { kind: 'idle', itemId: 'w1', at: expect.any(String), idleMs: 60_000 },
      { kind: 'idle', itemId: 'w1', at: expect.any(String), idleMs: 75_000 },
    ]);
    expect(validityOf(state, reducer.context).longIdles).toBe(2);
    // Nothing else moves: the answer, the phase and the item's record are as they were.
    expect(state.phase).toEqual(start.phase);
    expect(state.items).toEqual(start.items);
    expect(checkSessionInvariants(state, reducer.context)).toEqual([]);
  });

  it('refuses an idle for another item, on a voorbeeld, or while paused, and changes nothing', () => {
    const onOpgave = foldTo((e) => e.type === 'opgave.shown' && e.itemId === 'w1');
    const other = onOpgave.reducer.apply(
      onOpgave.state,
      onOpgave.clock.next({ type: 'candidate.idle', itemId: 'w2', idleMs: 60_000 }),
    );
    expect(other).toMatchObject({ ok: false, code: 'not-current-item' });

    const onVoorbeeld = foldTo((e) => e.type === 'voorbeeld.shown' && e.itemId === 'w1');
    const early = onVoorbeeld.reducer.apply(
      onVoorbeeld.state,
      onVoorbeeld.clock.next({ type: 'candidate.idle', itemId: 'w1', idleMs: 60_000 }),
    );
    expect(early).toMatchObject({ ok: false, code: 'wrong-phase' });

    // A fresh clock: the refused event above used up a seq number.
    const again = foldTo((e) => e.type === 'opgave.shown' && e.itemId === 'w1');
    const paused = again.reducer.apply(
      again.state,
      again.clock.next({ type: 'session.paused', reason: 'candidate-break' }),
    );
    if (!paused.ok) throw new Error(paused.reason);
    const whilePaused = again.reducer.apply(
      paused.state,
      again.clock.next({ type: 'candidate.idle', itemId: 'w1', idleMs: 60_000 }),
    );
    expect(whilePaused).toMatchObject({ ok: false, code: 'paused' });
  });

  it('refuses a page event without a length or an item, with the reason', () => {
    for (const bad of [
      { type: 'candidate.idle', itemId: 'w1', idleMs: 0 },
      { type: 'candidate.idle', itemId: 'w1', idleMs: 1.5 },
      { type: 'candidate.idle', idleMs: 60_000 },
      { type: 'candidate.idle', itemId: 'w1', idleMs: 60_000, at: '2026-03-02T09:00:00.000Z' },
    ]) {
      expect(SessionEventInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
