import { describe, expect, it } from 'vitest';
import { scoreSession } from '../../../../../src/shared/scoring';
import {
  checkSessionInvariants,
  createSessionReducer,
  SessionEvent,
  SessionState,
  toSessionView,
} from '../../../../../src/shared/session';
import { context, items, wrong } from '../../../../support/session-fixture';
import { happyPath } from '../../../../support/session-script';

describe('session reducer: a full sitting', () => {
  it('folds practice, every item and the close into a valid, closed state', () => {
    const reducer = createSessionReducer(context());
    const { events } = happyPath();
    for (const event of events) expect(SessionEvent.safeParse(event).success).toBe(true);
    let state = reducer.initial;
    for (const event of events) {
      const result = reducer.apply(state, event);
      if (!result.ok) throw new Error(`${event.type} #${event.seq} rejected: ${result.reason}`);
      state = result.state;
      expect(checkSessionInvariants(state, reducer.context)).toEqual([]);
    }
    expect(SessionState.parse(state)).toEqual(state);
    expect(state.status).toBe('closed');
    expect(state.closedBy).toBe('afnemer-7');
    expect(state.phase).toEqual({ kind: 'end' });
    expect(state.counts).toMatchObject({
      events: events.length,
      committed: 4,
      changes: 4,
      practiceAttempts: 3,
      practiceRounds: 1,
    });
    expect(state.familiesInstructed).toEqual(['woorden-leren', 'zinnen-bouwen']);
    expect(
      state.items.every((r) => r.inputTypes.join() === 'touch' && r.commits === 1 && r.changes === 1),
    ).toBe(true);
    // Each opgave was on screen for 2 s (answer.changed) + 1 s (commit) of active time.
    expect(state.items.map((r) => r.responseMs)).toEqual([3000, 3000, 3000, 3000]);
    // One second per event except the 4 s demonstrations and 2 s answers; nothing after completion counts.
    const completedAt = Date.parse(state.ending!.at);
    expect(state.clock.activeMs).toBe(completedAt - Date.parse(state.clock.openedAt!));
    expect(state.clock.pausedMs).toBe(0);
    expect(scoreSession(state, context())).toMatchObject({
      raw: 4,
      outcome: 'B1-route haalbaar',
      unanswered: 0,
    });
  });

  it('records wrong answers as given and scores them 0', () => {
    const reducer = createSessionReducer(context());
    const folded = reducer.fold(happyPath(wrong).events);
    expect(folded.ok).toBe(true);
    expect(folded.state.items.map((r) => r.committed)).toEqual(items.map((i) => wrong[i.id]));
    expect(scoreSession(folded.state, context())).toMatchObject({
      raw: 0,
      outcome: 'B1-route niet haalbaar',
    });
  });

  it('gives the page a view without keys and without correctness of scored items', () => {
    const reducer = createSessionReducer(context());
    const { events } = happyPath(wrong);
    const midway = reducer.fold(events.slice(0, events.findIndex((e) => e.type === 'answer.changed') + 1));
    expect(midway.ok).toBe(true);
    const view = toSessionView(midway.state, reducer.context);
    expect(view.step).toMatchObject({
      itemId: 'w1',
      itemIndex: 0,
      family: 'woorden-leren',
      canCommit: true,
      canGoBack: false,
    });
    expect(view.step.phase.kind).toBe('opgave');
    const names = (value: unknown): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([name, inner]) => [name, ...names(inner)])
        : [];
    expect(names(view)).not.toContain('key');
    expect(names(view.state.items)).not.toContain('correct');
    expect(names(view.step)).not.toContain('correct');
    // Practice feedback is allowed: the last practice answer's correctness is in the state.
    expect(view.state.practice.every((p) => p.lastCorrect === true)).toBe(true);
  });
});
