import { describe, expect, it } from 'vitest';
import { arriveAt, stageOf } from '../../../../../renderer/kiosk/candidate/model';
import { createSessionReducer, type SessionEventInput } from '../../../../../src/shared/session';
import { EventClock } from '../../../../support/session-events-builder';
import { context, practice } from '../../../../support/session-fixture';

/** Which screen the page shows for a practice voorbeeld, from the host's state alone (as after a reload). */
describe('practice voorbeeld stages', () => {
  const withVoorbeeld = practice.find((p) => p.voorbeeld)!;
  const without = practice.find((p) => !p.voorbeeld)!;

  it('opens an item with a voorbeeld on the voorbeeld, and one without on its opgave', () => {
    expect(arriveAt(withVoorbeeld)).toEqual({ type: 'practice.voorbeeld-shown', itemId: withVoorbeeld.id });
    expect(arriveAt(without)).toEqual({ type: 'practice.shown', itemId: without.id });
  });

  it('leaves the welcome screen once the first item’s voorbeeld is shown, and resumes at each step', () => {
    // The item with a voorbeeld first, so the welcome screen hands over to a voorbeeld.
    const ctx = context({
      practice: [withVoorbeeld.id, ...practice.filter((p) => p !== withVoorbeeld).map((p) => p.id)],
    });
    const reducer = createSessionReducer(ctx);
    const clock = new EventClock(ctx);
    const flags = { practiceDoneRound: null };
    const fold = (inputs: SessionEventInput[]) => {
      const folded = reducer.fold([clock.opened(), ...inputs.map((input) => clock.next(input))]);
      if (!folded.ok) throw new Error(folded.reason);
      clock.seq = 0;
      return stageOf(folded.state, flags);
    };
    expect(fold([])).toEqual({ kind: 'welcome' });
    const shown: SessionEventInput = { type: 'practice.voorbeeld-shown', itemId: withVoorbeeld.id };
    const demonstrated: SessionEventInput = {
      type: 'practice.voorbeeld-demonstrated',
      itemId: withVoorbeeld.id,
    };
    expect(fold([shown])).toMatchObject({ kind: 'practice', index: 0, shown: false, voorbeeld: 'shown' });
    expect(fold([shown, demonstrated])).toMatchObject({ shown: false, voorbeeld: 'demonstrated' });
    expect(fold([shown, demonstrated, { type: 'practice.shown', itemId: withVoorbeeld.id }])).toMatchObject({
      kind: 'practice',
      shown: true,
      voorbeeld: 'demonstrated',
      feedback: null,
    });
  });
});
