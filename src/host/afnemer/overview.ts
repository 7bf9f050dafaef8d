import type { SittingOverview } from '../../shared/afnemer';
import { isComplete, type SessionContext, type SessionState } from '../../shared/session';

/**
 * The console's view of a sitting, from the folded state alone: counts and item ids, incidents and the same
 * validity flags the signed result will carry. Never answers or correctness.
 */
export function sittingOverview(
  state: SessionState,
  context: SessionContext,
  held: boolean,
): SittingOverview | null {
  const opened = state.session;
  if (!opened) return null;
  const answered = state.items
    .filter((r) => r.committed !== null && isComplete(r.committed))
    .map((r) => r.itemId);
  const answeredSet = new Set(answered);
  const unanswered = state.items.filter((r) => !answeredSet.has(r.itemId)).map((r) => r.itemId);
  const fastAnswerMs = context.definition.timePolicy.fastAnswerMs;
  const focusLostCount = state.incidents.filter(
    (i) => i.kind === 'pause' && i.reason === 'focus-lost',
  ).length;
  const interruptions = state.incidents.filter((i) => i.kind === 'interruption').length;
  const phase = state.phase;
  return {
    sessionId: opened.sessionId,
    candidateRef: opened.candidateRef,
    gemeente: opened.gemeente,
    doelgroep: opened.doelgroep,
    language: opened.language,
    afnemerId: opened.afnemerId,
    status: state.status,
    phase: phase.kind,
    itemIndex: 'itemIndex' in phase ? phase.itemIndex : null,
    itemCount: state.items.length,
    answered: answered.length,
    unanswered: unanswered.length,
    answeredItemIds: answered,
    unansweredItemIds: unanswered,
    pause: state.pause,
    incidents: state.incidents,
    clock: {
      openedAt: state.clock.openedAt,
      activeMs: state.clock.activeMs,
      pausedMs: state.clock.pausedMs,
      interruptedMs: state.clock.interruptedMs,
    },
    validity: {
      mouseUsed:
        state.items.some((r) => r.inputTypes.includes('mouse')) ||
        state.practice.some((r) => r.inputTypes.includes('mouse')),
      focusLost: focusLostCount > 0,
      focusLostCount,
      interrupted: interruptions > 0,
      interruptions,
      fastAnswers: state.items
        .filter((r) => r.committed !== null && r.responseMs !== null && r.responseMs < fastAnswerMs)
        .map((r) => r.itemId),
      fastAnswerMs,
    },
    canClose: state.status === 'completed' || state.status === 'aborted',
    held: held && state.status === 'paused',
  };
}
