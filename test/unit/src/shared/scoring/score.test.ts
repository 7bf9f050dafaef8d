import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Response } from '../../../../../src/shared/items';
import {
  isCorrect,
  SCORING_VERSION,
  ScoreResult,
  scoreResponses,
  scoreSession,
  unknownItemIds,
} from '../../../../../src/shared/scoring';
import { createSessionReducer } from '../../../../../src/shared/session';
import { context, definition, items, keys, wrong } from '../../../../support/session-fixture';
import { happyPath } from '../../../../support/session-script';

describe('scoring', () => {
  it('compares answers with the key exactly; order answers slot by slot', () => {
    expect(isCorrect({ kind: 'choose', optionId: 'b' }, { kind: 'choose', optionId: 'b' })).toBe(true);
    expect(isCorrect({ kind: 'choose', optionId: 'a' }, { kind: 'choose', optionId: 'b' })).toBe(false);
    expect(isCorrect({ kind: 'place', targetId: 'b' }, { kind: 'choose', optionId: 'b' })).toBe(false);
    const key: Response = { kind: 'order', sequence: ['y', 'x'] };
    expect(isCorrect({ kind: 'order', sequence: ['y', 'x'] }, key)).toBe(true);
    expect(isCorrect({ kind: 'order', sequence: ['x', 'y'] }, key)).toBe(false);
    expect(isCorrect({ kind: 'order', sequence: ['y', null] }, key)).toBe(false);
    expect(isCorrect({ kind: 'order', sequence: ['y', 'x', 'z'] }, key)).toBe(false);
    expect(isCorrect(null, key)).toBe(false);
  });

  it('gives raw score, outcome at the cesuur, twijfelzone and unanswered count', () => {
    const def = definition({ cesuur: 2, twijfelzone: { below: 1, above: 0 } });
    const result = scoreResponses(def, items, { w1: keys.w1!, w2: keys.w2!, z1: wrong.z1!, z2: null });
    expect(ScoreResult.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      scoringVersion: SCORING_VERSION,
      cesuur: 2,
      raw: 2,
      max: 4,
      outcome: 'B1-route haalbaar',
      twijfelzone: { from: 1, to: 2, inZone: true },
      unanswered: 1,
    });
    expect(result.items.map((i) => [i.itemId, i.answered, i.correct])).toEqual([
      ['w1', true, true],
      ['w2', true, true],
      ['z1', true, false],
      ['z2', false, false],
    ]);
    const raised = scoreResponses(def, items, { w1: keys.w1!, w2: keys.w2! }, { cesuur: 3 });
    expect(raised).toMatchObject({
      raw: 2,
      outcome: 'B1-route niet haalbaar',
      twijfelzone: { from: 2, to: 3, inZone: true },
      unanswered: 2,
    });
    expect(scoreResponses(def, items, {}).twijfelzone.inZone).toBe(false);
  });

  it('names response ids that are not scored items', () => {
    expect(unknownItemIds(definition(), { w1: null, o1: null, zz: null })).toEqual(['o1', 'zz']);
  });

  it('is deterministic and the outcome follows raw >= cesuur for any response set', () => {
    const answer = fc.constantFrom<'key' | 'wrong' | 'none'>('key', 'wrong', 'none');
    fc.assert(
      fc.property(fc.tuple(answer, answer, answer, answer), fc.nat(4), (choice, cesuur) => {
        const responses = Object.fromEntries(
          items.map((item, i) => [
            item.id,
            choice[i] === 'key' ? keys[item.id]! : choice[i] === 'wrong' ? wrong[item.id]! : null,
          ]),
        );
        const a = scoreResponses(definition(), items, responses, { cesuur });
        expect(scoreResponses(definition(), items, structuredClone(responses), { cesuur })).toEqual(a);
        expect(a.raw).toBe(choice.filter((c) => c === 'key').length);
        expect(a.unanswered).toBe(choice.filter((c) => c === 'none').length);
        expect(a.outcome).toBe(a.raw >= cesuur ? 'B1-route haalbaar' : 'B1-route niet haalbaar');
      }),
    );
  });

  it('scores a session from its committed answers, whatever the timing', () => {
    const reducer = createSessionReducer(context());
    const fast = reducer.fold(happyPath().events);
    const slowPath = happyPath();
    // The same sitting with every event an hour later than the one before.
    const slow = reducer.fold(
      slowPath.events.map((event, i) => ({
        ...event,
        at: new Date(Date.parse(event.at) + i * 3_600_000).toISOString(),
      })),
    );
    expect(fast.ok && slow.ok).toBe(true);
    expect(slow.state.clock.activeMs).not.toBe(fast.state.clock.activeMs);
    expect(scoreSession(slow.state, context())).toEqual(scoreSession(fast.state, context()));
    expect(scoreSession(fast.state, context())).toMatchObject({ raw: 4, cesuur: 2 });
  });
});
