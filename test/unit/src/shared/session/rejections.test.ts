import { describe, expect, it } from 'vitest';
import type { TestDefinition } from '../../../../../src/shared/items';
import {
  createSessionReducer,
  type SessionEvent,
  type SessionEventInput,
  type SessionState,
} from '../../../../../src/shared/session';
import { clockAfter, EventClock } from '../../../../support/session-events-builder';
import { context } from '../../../../support/session-fixture';
import { happyPath } from '../../../../support/session-script';

/** The state just after the first event of the happy path that matches `pick` (or after all of them). */
function stateAt(pick: (event: SessionEvent) => boolean, overrides: Partial<TestDefinition> = {}) {
  const reducer = createSessionReducer(context(overrides));
  const { events } = happyPath();
  const end = events.findIndex(pick);
  const folded = reducer.fold(events.slice(0, end === -1 ? events.length : end + 1));
  if (!folded.ok) throw new Error(folded.reason);
  return { reducer, state: folded.state, clock: clockAfter(folded.state, reducer.context) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Applies `input` and expects the given rejection code, with the state left as it was. */
function expectRejected(
  setup: ReturnType<typeof stateAt>,
  event: SessionEvent | SessionEventInput,
  code: string,
) {
  const before = structuredClone(setup.state);
  const seq = setup.clock.seq;
  const stamped = 'seq' in event ? event : setup.clock.next(event);
  setup.clock.seq = seq; // a refused event takes no place in the sequence
  const result = setup.reducer.apply(deepFreeze(setup.state) as SessionState, stamped);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe(code);
    expect(result.reason.length).toBeGreaterThan(10);
  }
  expect(setup.state).toEqual(before);
}

const isType = (type: string, itemId?: string) => (e: SessionEvent) =>
  e.type === type && (itemId === undefined || ('itemId' in e && e.itemId === itemId));

describe('session reducer: rejections', () => {
  it('refuses events before the opening, a second opening and anything after closing', () => {
    const reducer = createSessionReducer(context());
    const clock = new EventClock(context());
    const blank = { reducer, state: reducer.initial, clock };
    expectRejected(blank, { type: 'practice.shown', itemId: 'o1' }, 'not-opened');
    const opened = stateAt(isType('session.opened'));
    expectRejected(opened, opened.clock.opened(), 'already-opened');
    const closed = stateAt(() => false);
    expectRejected(closed, { type: 'audio.played', source: { kind: 'instruction', key: 'end' } }, 'closed');
    expectRejected(closed, { type: 'session.closed', afnemerId: 'afnemer-7' }, 'closed');
  });

  it('refuses an opening for another package, an unavailable language or an impossible cesuur', () => {
    const reducer = createSessionReducer(context());
    const fresh = () => ({ reducer, state: reducer.initial, clock: new EventClock(context()) });
    expectRejected(fresh(), fresh().clock.opened({ packageHash: 'b'.repeat(64) }), 'wrong-package');
    expectRejected(fresh(), fresh().clock.opened({ definitionVersion: '2.0.0' }), 'wrong-package');
    expectRejected(fresh(), fresh().clock.opened({ language: 'ar' }), 'invalid-opening');
    expectRejected(fresh(), fresh().clock.opened({ cesuur: 5 }), 'invalid-opening');
  });

  it('refuses a gap or repeat in seq and a time before the previous event', () => {
    const setup = stateAt(isType('practice.shown', 'o1'));
    const event = setup.clock.next({
      type: 'audio.played',
      source: { kind: 'instruction', key: 'practice' },
    });
    expectRejected(setup, { ...event, seq: event.seq + 1 }, 'seq-out-of-order');
    expectRejected(setup, { ...event, seq: event.seq - 1 }, 'seq-out-of-order');
    expectRejected(setup, { ...event, at: '2026-03-02T08:00:00.000Z' }, 'time-backwards');
  });

  it('refuses practice out of order, unanswered, or with feedback that disagrees with the key', () => {
    const opened = stateAt(isType('session.opened'));
    expectRejected(opened, { type: 'practice.shown', itemId: 'o2' }, 'not-current-item');
    expectRejected(
      opened,
      {
        type: 'practice.answered',
        itemId: 'o1',
        response: { kind: 'choose', optionId: 'a' },
        inputType: 'touch',
      },
      'not-shown',
    );
    expectRejected(opened, { type: 'practice.finished' }, 'practice-unanswered');
    const shown = stateAt(isType('practice.shown', 'o1'));
    expectRejected(shown, { type: 'practice.shown', itemId: 'o2' }, 'practice-unanswered');
    expectRejected(shown, { type: 'practice.shown', itemId: 'o1' }, 'already-shown');
    const lying = shown.clock.next({
      type: 'practice.answered',
      itemId: 'o1',
      response: { kind: 'choose', optionId: 'b' },
      inputType: 'touch',
    });
    shown.clock.seq -= 1; // built by hand below, not applied
    expect(lying).toMatchObject({ correct: false });
    expectRejected(shown, { ...lying, correct: true } as SessionEvent, 'feedback-mismatch');
    expectRejected(
      shown,
      {
        type: 'practice.answered',
        itemId: 'o1',
        response: { kind: 'place', targetId: 'p' },
        inputType: 'touch',
      },
      'response-mismatch',
    );
  });

  it("refuses a practice voorbeeld's events out of order: shown, then demonstrated, then the opgave, then answers", () => {
    const answer = (itemId: string): SessionEventInput => ({
      type: 'practice.answered',
      itemId,
      response: { kind: 'place', targetId: 'p' },
      inputType: 'touch',
    });
    const opened = stateAt(isType('session.opened'));
    // o1 has no voorbeeld; o2 is not yet due.
    expectRejected(opened, { type: 'practice.voorbeeld-shown', itemId: 'o1' }, 'wrong-phase');
    expectRejected(opened, { type: 'practice.voorbeeld-shown', itemId: 'o2' }, 'not-current-item');
    const shownO1 = stateAt(isType('practice.shown', 'o1'));
    expectRejected(shownO1, { type: 'practice.voorbeeld-shown', itemId: 'o2' }, 'practice-unanswered');
    expectRejected(shownO1, { type: 'practice.voorbeeld-demonstrated', itemId: 'o1' }, 'not-shown');
    expectRejected(shownO1, { type: 'practice.voorbeeld-replayed', itemId: 'o1' }, 'not-shown');
    const answeredO1 = stateAt(isType('practice.answered', 'o1'));
    // Arriving at an item with a voorbeeld opens the voorbeeld, not the opgave.
    expectRejected(answeredO1, { type: 'practice.shown', itemId: 'o2' }, 'not-demonstrated');
    expectRejected(answeredO1, { type: 'practice.voorbeeld-shown', itemId: 'o3' }, 'not-current-item');
    expectRejected(answeredO1, { type: 'practice.voorbeeld-demonstrated', itemId: 'o2' }, 'not-current-item');
    expectRejected(answeredO1, { type: 'practice.voorbeeld-replayed', itemId: 'o2' }, 'not-current-item');

    const watching = stateAt(isType('practice.voorbeeld-shown', 'o2'));
    expectRejected(watching, { type: 'practice.voorbeeld-shown', itemId: 'o2' }, 'already-shown');
    expectRejected(watching, { type: 'practice.shown', itemId: 'o2' }, 'not-demonstrated');
    expectRejected(watching, { type: 'practice.voorbeeld-replayed', itemId: 'o2' }, 'not-demonstrated');
    expectRejected(watching, answer('o2'), 'not-shown');
    expectRejected(watching, { type: 'practice.shown', itemId: 'o3' }, 'practice-unanswered');
    expectRejected(watching, { type: 'practice.finished' }, 'practice-unanswered');
    // The opgave's own sound belongs to the opgave, which is not on screen yet.
    expectRejected(
      watching,
      { type: 'audio.played', source: { kind: 'prompt', scene: 'practice', itemId: 'o2' } },
      'not-current-item',
    );
    const demonstrated = stateAt(isType('practice.voorbeeld-demonstrated', 'o2'));
    expectRejected(demonstrated, answer('o2'), 'not-shown');
    expectRejected(demonstrated, { type: 'practice.voorbeeld-shown', itemId: 'o2' }, 'already-shown');
    expectRejected(demonstrated, { type: 'practice.shown', itemId: 'o3' }, 'practice-unanswered');

    const finished = stateAt(isType('practice.finished'));
    expectRejected(finished, { type: 'practice.voorbeeld-shown', itemId: 'o2' }, 'wrong-phase');
    expectRejected(finished, { type: 'practice.voorbeeld-demonstrated', itemId: 'o2' }, 'wrong-phase');
    expectRejected(finished, { type: 'practice.voorbeeld-replayed', itemId: 'o2' }, 'wrong-phase');
    const paused = stateAt(isType('practice.voorbeeld-shown', 'o2'));
    const pausing = paused.reducer.apply(
      paused.state,
      paused.clock.next({ type: 'session.paused', reason: 'other' }),
    );
    if (!pausing.ok) throw new Error(pausing.reason);
    paused.state = pausing.state;
    expectRejected(paused, { type: 'practice.voorbeeld-demonstrated', itemId: 'o2' }, 'paused');
  });

  it('requires the family instruction before the voorbeeld and the demonstration before the opgave', () => {
    const finished = stateAt(isType('practice.finished'));
    expectRejected(finished, { type: 'voorbeeld.shown', itemId: 'w1' }, 'not-shown');
    expectRejected(
      finished,
      { type: 'family.instruction-shown', family: 'zinnen-bouwen' },
      'not-current-item',
    );
    const voorbeeld = stateAt(isType('voorbeeld.shown', 'w1'));
    expectRejected(voorbeeld, { type: 'opgave.shown', itemId: 'w1' }, 'not-demonstrated');
    expectRejected(voorbeeld, { type: 'voorbeeld.shown', itemId: 'w1' }, 'already-shown');
    expectRejected(
      voorbeeld,
      {
        type: 'answer.changed',
        itemId: 'w1',
        response: { kind: 'choose', optionId: 'a' },
        inputType: 'touch',
      },
      'wrong-phase',
    );
    const opgave = stateAt(isType('opgave.shown', 'w1'));
    expectRejected(opgave, { type: 'opgave.shown', itemId: 'w1' }, 'already-shown');
  });

  it('refuses answers for an item that is not current, or that do not fit the opgave', () => {
    const opgave = stateAt(isType('opgave.shown', 'w1'));
    expectRejected(
      opgave,
      {
        type: 'answer.committed',
        itemId: 'w2',
        response: { kind: 'place', targetId: 'q' },
        inputType: 'touch',
      },
      'not-current-item',
    );
    expectRejected(
      opgave,
      {
        type: 'answer.committed',
        itemId: 'w1',
        response: { kind: 'place', targetId: 'q' },
        inputType: 'touch',
      },
      'response-mismatch',
    );
    expectRejected(
      opgave,
      {
        type: 'answer.changed',
        itemId: 'w1',
        response: { kind: 'choose', optionId: 'zz' },
        inputType: 'pen',
      },
      'response-mismatch',
    );
    const order = stateAt(isType('opgave.shown', 'z2'));
    expectRejected(
      order,
      {
        type: 'answer.changed',
        itemId: 'z2',
        response: { kind: 'order', sequence: ['x', 'x', null] },
        inputType: 'touch',
      },
      'response-mismatch',
    );
    expectRejected(
      order,
      {
        type: 'answer.changed',
        itemId: 'z2',
        response: { kind: 'order', sequence: ['x', 'y'] },
        inputType: 'touch',
      },
      'response-mismatch',
    );
  });

  it('refuses committing an order with an empty slot (changing to one is fine)', () => {
    const order = stateAt(isType('opgave.shown', 'z1'));
    const partial = { kind: 'order' as const, sequence: ['y', null] };
    expectRejected(
      order,
      { type: 'answer.committed', itemId: 'z1', response: partial, inputType: 'touch' },
      'incomplete-answer',
    );
    const changed = order.reducer.apply(
      order.state,
      order.clock.next({ type: 'answer.changed', itemId: 'z1', response: partial, inputType: 'touch' }),
    );
    expect(changed.ok && changed.state.items[2]!.current).toEqual(partial);
  });

  it('refuses answering while paused, resuming when not paused, and acting after an abort', () => {
    const opgave = stateAt(isType('opgave.shown', 'w1'));
    expectRejected(opgave, { type: 'session.resumed' }, 'not-paused');
    const paused = opgave.reducer.apply(
      opgave.state,
      opgave.clock.next({ type: 'session.paused', reason: 'candidate-distress' }),
    );
    if (!paused.ok) throw new Error(paused.reason);
    const pausedSetup = { ...opgave, state: paused.state };
    expectRejected(
      pausedSetup,
      {
        type: 'answer.committed',
        itemId: 'w1',
        response: { kind: 'choose', optionId: 'b' },
        inputType: 'touch',
      },
      'paused',
    );
    expectRejected(pausedSetup, { type: 'session.paused', reason: 'other' }, 'paused');
    expectRejected(pausedSetup, { type: 'session.completed' }, 'paused');
    const aborted = opgave.reducer.apply(
      paused.state,
      opgave.clock.next({ type: 'session.aborted', reason: 'candidate-unwell' }),
    );
    if (!aborted.ok) throw new Error(aborted.reason);
    const abortedSetup = { ...opgave, state: aborted.state };
    expectRejected(
      abortedSetup,
      {
        type: 'answer.changed',
        itemId: 'w1',
        response: { kind: 'choose', optionId: 'b' },
        inputType: 'touch',
      },
      'ended',
    );
    expectRejected(abortedSetup, { type: 'session.aborted', reason: 'other' }, 'ended');
    expectRejected(abortedSetup, { type: 'session.paused', reason: 'other' }, 'ended');
  });

  it('refuses completing or closing too early', () => {
    const opgave = stateAt(isType('opgave.shown', 'z1'));
    expectRejected(opgave, { type: 'session.completed' }, 'items-not-committed');
    expectRejected(opgave, { type: 'session.closed', afnemerId: 'afnemer-7' }, 'not-ended');
  });

  it('refuses going back when the definition does not allow it, and before the first item when it does', () => {
    const noBack = stateAt(isType('opgave.shown', 'w2'));
    expectRejected(noBack, { type: 'navigation.back' }, 'back-not-allowed');
    const first = stateAt(isType('opgave.shown', 'w1'), { allowBack: true });
    expectRejected(first, { type: 'navigation.back' }, 'nothing-before');
    const practising = stateAt(isType('practice.shown', 'o1'), { allowBack: true });
    expectRejected(practising, { type: 'navigation.back' }, 'wrong-phase');
  });

  it('refuses an interruption that does not fit between the last event and now', () => {
    const setup = stateAt(isType('opgave.shown', 'w1'));
    const last = Date.parse(setup.state.clock.lastAt!);
    const iso = (t: number) => new Date(t).toISOString();
    const at = iso(last + 60_000);
    const interrupted = (from: number, to: number) =>
      ({
        type: 'session.interrupted',
        seq: setup.state.lastSeq + 1,
        at,
        from: iso(from),
        to: iso(to),
      }) as SessionEvent;
    expectRejected(setup, interrupted(last - 1, last + 1000), 'invalid-interruption');
    expectRejected(setup, interrupted(last + 2000, last + 1000), 'invalid-interruption');
    expectRejected(setup, interrupted(last + 1000, last + 120_000), 'invalid-interruption');
  });

  it('refuses sounds of an item that is not on screen', () => {
    const setup = stateAt(isType('voorbeeld.shown', 'w1'));
    expectRejected(
      setup,
      { type: 'audio.played', source: { kind: 'prompt', scene: 'voorbeeld', itemId: 'w2' } },
      'not-current-item',
    );
    expectRejected(
      setup,
      { type: 'audio.played', source: { kind: 'prompt', scene: 'opgave', itemId: 'w1' } },
      'not-current-item',
    );
    // A tapped picture counts only for the item on screen, and only once its screen is shown.
    expectRejected(
      setup,
      { type: 'audio.played', source: { kind: 'visual', itemId: 'w2', visualId: 'ctx' } },
      'not-current-item',
    );
    expectRejected(
      stateAt(isType('family.instruction-shown')),
      { type: 'audio.played', source: { kind: 'visual', itemId: 'w1', visualId: 'ctx' } },
      'not-current-item',
    );
  });
});
