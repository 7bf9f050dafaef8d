import { describe, expect, it } from 'vitest';
import {
  checkSessionInvariants,
  createSessionReducer,
  type SessionState,
} from '../../../../../src/shared/session';
import { context } from '../../../../support/session-fixture';
import { happyPath } from '../../../../support/session-script';

/** The invariant check must catch broken states, or the property tests would prove nothing. */
describe('session invariants', () => {
  const reducer = createSessionReducer(context());
  const { events } = happyPath();
  const mid = reducer.fold(
    events.slice(0, events.findIndex((e) => e.type === 'voorbeeld.shown' && e.itemId === 'z1') + 1),
  );
  const done = reducer.fold(events);

  const broken: [string, (s: SessionState) => SessionState, RegExp][] = [
    [
      'a committed count that disagrees',
      (s) => ({ ...s, counts: { ...s.counts, committed: 1 } }),
      /committed count/,
    ],
    [
      'an unanswered earlier opgave',
      (s) => ({ ...s, items: s.items.map((r, i) => (i === 0 ? { ...r, committed: null } : r)) }),
      /earlier opgave|committed count/,
    ],
    [
      'an incomplete committed order',
      (s) => ({
        ...s,
        items: s.items.map((r, i) =>
          i === 1 ? { ...r, committed: { kind: 'order', sequence: ['x', null] } } : r,
        ),
      }),
      /incomplete|does not fit/,
    ],
    ['paused without a pause record', (s) => ({ ...s, status: 'paused' }), /paused/],
    [
      'time that does not add up',
      (s) => ({ ...s, clock: { ...s.clock, activeMs: s.clock.activeMs + 1 } }),
      /time:/,
    ],
    [
      'a phase naming the wrong item',
      (s) => ({
        ...s,
        phase: { kind: 'voorbeeld', itemIndex: 2, itemId: 'z2', shown: true, demonstrated: false },
      }),
      /wrong item/,
    ],
    [
      'a practice opgave open before its voorbeeld was demonstrated',
      (s) => ({ ...s, phase: { kind: 'practice', index: 1, itemId: 'o2', shown: true, voorbeeld: 'shown' } }),
      /before its voorbeeld was demonstrated/,
    ],
    [
      'a practice voorbeeld for an item without one',
      (s) => ({
        ...s,
        phase: { kind: 'practice', index: 0, itemId: 'o1', shown: false, voorbeeld: 'shown' },
      }),
      /item without one/,
    ],
    ['an unknown field', (s) => ({ ...s, score: 4 }) as SessionState, /state schema/],
  ];

  it('accepts the states the reducer produces', () => {
    expect(checkSessionInvariants(mid.state, reducer.context)).toEqual([]);
    expect(checkSessionInvariants(done.state, reducer.context)).toEqual([]);
  });

  for (const [name, breakIt, message] of broken) {
    it(`reports ${name}`, () => {
      const problems = checkSessionInvariants(breakIt(mid.state), reducer.context);
      expect(problems.join('\n')).toMatch(message);
    });
  }

  it('reports a completed sitting with an opgave unanswered', () => {
    const s = done.state;
    const problems = checkSessionInvariants(
      { ...s, items: s.items.map((r, i) => (i === 3 ? { ...r, committed: null } : r)) },
      reducer.context,
    );
    expect(problems.join('\n')).toMatch(/unanswered|committed count/);
  });
});
