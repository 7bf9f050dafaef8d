import type { SittingOverview } from '../../shared/afnemer';
import { validityOf } from '../../shared/result';
import { isComplete, type SessionContext, type SessionState } from '../../shared/session';

/**
 * The console's view of a sitting, from the folded state alone: counts and item ids, incidents and the
 * validity flags the signed result will carry (`validityOf`, one rule for both). Never answers or correctness.
 */
export function sittingOverview(
  state: SessionState,
  context: SessionContext,
  held: boolean,
): SittingOverview | null {
  const opened = state.session;
  if (!opened) return null;
  const { unansweredItems: unanswered, ...validity } = validityOf(state, context);
  const answered = state.items.filter((r) => isComplete(r.committed)).map((r) => r.itemId);
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
    validity,
    canClose: state.status === 'completed' || state.status === 'aborted',
    held: held && state.status === 'paused',
  };
}
