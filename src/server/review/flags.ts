/**
 * Which validity flags a stored result carries, read from its flag columns: the result list, the sheet and the
 * review tally (tally/store.ts) all ask here, so a flag means the same in a list cell and in a count.
 */
import type { ValidityFlag } from '../../shared/review';
import type { ResultsTable } from '../db/tables';

export function flagsOf(
  r: Pick<
    ResultsTable,
    | 'mouse_used'
    | 'focus_lost'
    | 'interrupted'
    | 'fast_answers'
    | 'unanswered'
    | 'score_mismatch'
    | 'cesuur_mismatch'
    | 'gemeente_mismatch'
    | 'ended_early'
    | 'reference_form_broken'
  >,
): ValidityFlag[] {
  const flags: ValidityFlag[] = [];
  // First, so a list cell cut short still says it: the sitting ended early, and why.
  if (r.ended_early) flags.push('ended-early');
  if (r.mouse_used) flags.push('mouse-used');
  if (r.focus_lost) flags.push('focus-lost');
  if (r.interrupted) flags.push('interrupted');
  if (r.fast_answers > 0) flags.push('fast-answers');
  if (r.unanswered > 0) flags.push('unanswered');
  if (r.score_mismatch) flags.push('score-mismatch');
  if (r.cesuur_mismatch) flags.push('cesuur-mismatch');
  if (r.gemeente_mismatch) flags.push('gemeente-mismatch');
  if (r.reference_form_broken) flags.push('reference-form');
  return flags;
}
