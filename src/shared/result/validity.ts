import type { SessionContext } from '../session/context';
import { isComplete } from '../session/response-fit';
import type { ItemRecord, SessionState } from '../session/state';
import type { ResultValidity } from './record';

/** An answer committed faster than the definition's `fastAnswerMs`: implausible, flagged not refused. */
export function isFastAnswer(
  record: Pick<ItemRecord, 'committed' | 'responseMs'>,
  fastAnswerMs: number,
): boolean {
  return record.committed !== null && record.responseMs !== null && record.responseMs < fastAnswerMs;
}

/**
 * The validity flags of a sitting from its folded state: what the signed result carries and what the afnemer's
 * console shows while the sitting runs (one rule, so the two can never disagree).
 */
export function validityOf(state: SessionState, context: SessionContext): ResultValidity {
  const fastAnswerMs = context.definition.timePolicy.fastAnswerMs;
  const focusLostCount = state.incidents.filter(
    (i) => i.kind === 'pause' && i.reason === 'focus-lost',
  ).length;
  const interruptions = state.incidents.filter((i) => i.kind === 'interruption').length;
  const displayChanges = state.incidents.filter((i) => i.kind === 'display-change');
  return {
    mouseUsed:
      state.items.some((r) => r.inputTypes.includes('mouse')) ||
      state.practice.some((r) => r.inputTypes.includes('mouse')),
    focusLost: focusLostCount > 0,
    focusLostCount,
    interrupted: interruptions > 0,
    interruptions,
    displayChanges: displayChanges.length,
    displayOutOfPolicy: displayChanges.filter((i) => i.broken.length > 0).length,
    unansweredItems: state.items.filter((r) => !isComplete(r.committed)).map((r) => r.itemId),
    fastAnswers: state.items.filter((r) => isFastAnswer(r, fastAnswerMs)).map((r) => r.itemId),
    fastAnswerMs,
    longIdles: state.incidents.filter((i) => i.kind === 'idle').length,
    ...(state.ending?.kind === 'ended-early'
      ? { endedEarly: { reason: state.ending.reason, at: state.ending.at } }
      : {}),
  };
}
