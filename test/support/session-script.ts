import type { Response } from '../../src/shared/items';
import type { SessionEvent, SessionEventInput } from '../../src/shared/session';
import { EventClock } from './session-events-builder';
import { context, items, keys, practice, practiceInputs } from './session-fixture';

/** A complete, valid sitting: practice, every family instruction, voorbeeld, opgave, commit, completion. */
export function happyPath(answers: Record<string, Response> = keys): {
  clock: EventClock;
  events: SessionEvent[];
} {
  const clock = new EventClock(context());
  const events: SessionEvent[] = [clock.opened()];
  const push = (input: SessionEventInput, stepMs?: number) => events.push(clock.next(input, stepMs));
  for (const input of practice.flatMap(practiceInputs)) push(input);
  push({ type: 'practice.finished' });
  let family = '';
  for (const item of items) {
    if (item.family !== family) {
      family = item.family;
      push({ type: 'family.instruction-shown', family: item.family });
    }
    push({ type: 'voorbeeld.shown', itemId: item.id });
    push({ type: 'voorbeeld.demonstrated', itemId: item.id }, 4000);
    push({ type: 'opgave.shown', itemId: item.id });
    push({ type: 'answer.changed', itemId: item.id, response: answers[item.id]!, inputType: 'touch' }, 2000);
    push({ type: 'answer.committed', itemId: item.id, response: answers[item.id]!, inputType: 'touch' });
  }
  push({ type: 'session.completed' });
  push({ type: 'session.closed', afnemerId: 'afnemer-7' });
  return { clock, events };
}
