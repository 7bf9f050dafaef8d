import { isCorrect } from '../scoring/correctness';
import type { SessionContext } from './context';
import type { SessionEvent, SessionEventInput } from './events';

/**
 * Turns what the page sent into a journal event: the host's `seq` and `at`, and for a practice answer the
 * feedback derived from the practice key (the page never holds keys). Validity is the reducer's job.
 */
export function stampEvent(
  input: SessionEventInput,
  stamp: { seq: number; at: string },
  context: Pick<SessionContext, 'practice'>,
): SessionEvent {
  if (input.type === 'practice.answered') {
    const item = context.practice.find((practice) => practice.id === input.itemId);
    return { ...input, ...stamp, correct: item ? isCorrect(input.response, item.key) : false };
  }
  return { ...input, ...stamp };
}
