import type { SessionContext } from '../session/context';
import type { SessionState } from '../session/state';
import { scoreResponses, type ScoreResult } from './score';

/** Scores a folded session from its committed answers, against the cesuur it was opened with. */
export function scoreSession(state: SessionState, context: SessionContext): ScoreResult {
  const responses = Object.fromEntries(state.items.map((record) => [record.itemId, record.committed]));
  return scoreResponses(context.definition, context.items, responses, {
    cesuur: state.session?.cesuur ?? context.definition.cesuur,
  });
}
