import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSessionInvariants,
  createSessionReducer,
  SessionEvent,
  SessionState,
  type SessionReducer,
} from '../../../../../src/shared/session';
import { EventClock } from '../../../../support/session-events-builder';
import { context } from '../../../../support/session-fixture';
import { eventFor, stepArb, type Step } from './random-walk';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Runs a random walk; every step's outcome is checked as it happens. Returns the accepted events. */
function walk(reducer: SessionReducer, steps: Step[]) {
  const clock = new EventClock(reducer.context);
  let state = deepFreeze(reducer.initial);
  const accepted: SessionEvent[] = [];
  for (const step of steps) {
    const event = eventFor(state, reducer, clock, step);
    expect(SessionEvent.safeParse(event).success).toBe(true);
    const before = structuredClone(state);
    const result = reducer.apply(state, event);
    if (result.ok) {
      expect(checkSessionInvariants(result.state, reducer.context)).toEqual([]);
      state = deepFreeze(result.state);
      accepted.push(event);
    } else {
      // A refused event changes nothing: the frozen state would have thrown on a write, and it still equals its copy.
      expect(state).toEqual(before);
      expect(result.reason).toBeTruthy();
    }
  }
  return { state, accepted };
}

const reached = {
  completed: 0,
  aborted: 0,
  closed: 0,
  paused: 0,
  runs: 0,
  back: 0,
  interrupted: 0,
  restarted: 0,
  practiceReplayed: 0,
};

describe('session reducer: properties', () => {
  it('any accepted sequence folds to a valid state; refused events change nothing', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(stepArb, { maxLength: 160, size: 'max' }), (allowBack, steps) => {
        const reducer = createSessionReducer(context({ allowBack }));
        const { state, accepted } = walk(reducer, steps);
        expect(SessionState.parse(state)).toEqual(state);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        const folded = reducer.fold(accepted);
        expect(folded.ok).toBe(true);
        expect(folded.state).toEqual(state);
        reached.runs += 1;
        if (state.ending?.kind === 'completed') reached.completed += 1;
        if (state.ending?.kind === 'aborted') reached.aborted += 1;
        if (state.status === 'closed') reached.closed += 1;
        if (state.counts.pauses > 0) reached.paused += 1;
        if (accepted.some((e) => e.type === 'navigation.back')) reached.back += 1;
        if (state.counts.interruptions > 0) reached.interrupted += 1;
        if (state.counts.practiceRounds > 1) reached.restarted += 1;
        if (state.practice.some((record) => record.replays > 0)) reached.practiceReplayed += 1;
      }),
      { numRuns: 150 },
    );
    // The walks must get deep into sittings, or the property says little.
    expect(reached.completed).toBeGreaterThan(reached.runs / 20);
    expect(reached.aborted).toBeGreaterThan(0);
    expect(reached.closed).toBeGreaterThan(0);
    expect(reached.back).toBeGreaterThan(0);
    expect(reached.interrupted).toBeGreaterThan(0);
    expect(reached.restarted).toBeGreaterThan(0);
    // Through a practice voorbeeld (shown, demonstrated) to "watch again" on its opgave.
    expect(reached.practiceReplayed).toBeGreaterThan(reached.runs / 10);
    expect(reached.paused).toBeGreaterThan(reached.runs / 10);
  });

  it('folding a prefix and then the rest equals folding the whole', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(stepArb, { maxLength: 120, size: 'max' }),
        fc.nat(),
        (allowBack, steps, cut) => {
          const reducer = createSessionReducer(context({ allowBack }));
          const { accepted } = walk(reducer, steps);
          const split = accepted.length === 0 ? 0 : cut % (accepted.length + 1);
          const prefix = reducer.fold(accepted.slice(0, split));
          expect(prefix.ok).toBe(true);
          const rest = reducer.fold(accepted.slice(split), prefix.state);
          expect(rest.ok).toBe(true);
          expect(rest.state).toEqual(reducer.fold(accepted).state);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a fold stops at the first event that is invalid in its place and names it', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 5, maxLength: 80, size: 'max' }),
        fc.nat(),
        (steps, pick) => {
          const reducer = createSessionReducer(context());
          const { accepted } = walk(reducer, steps);
          fc.pre(accepted.length >= 3);
          const dropped = 1 + (pick % (accepted.length - 2));
          const gapped = [...accepted.slice(0, dropped), ...accepted.slice(dropped + 1)];
          const folded = reducer.fold(gapped);
          expect(folded).toMatchObject({ ok: false, index: dropped, code: 'seq-out-of-order' });
        },
      ),
      { numRuns: 100 },
    );
  });
});
