import type { Kysely } from 'kysely';
import type { DataSnapshot } from '../../shared/psychometrics';
import type { Database } from '../db/tables';

/** The columns of a stored result that a calibration reads. */
export interface CalibrationSource {
  status: 'completed' | 'aborted';
  /** One character per scored item in definition order: '1' right, '0' wrong, '-' unanswered. */
  item_pattern: string;
  score_mismatch: number;
  fast_answers: number;
  closed_at: string;
}

export interface CalibrationData<R extends CalibrationSource = CalibrationSource> {
  responses: number[][];
  /** The rows behind `responses`, in the same order (their ids and conditions for a stored report). */
  used: R[];
  excluded: DataSnapshot['excluded'];
  /** First and last closed_at of the sittings used; null when none is used. */
  from: string | null;
  to: string | null;
}

/**
 * The response matrix of the results a calibration may use, and what it left out and why. A result is used when
 * the sitting was completed, every item answered, and neither the re-score nor the answer times cast doubt on the
 * answers. Each result is counted under the first reason that excludes it.
 */
export function calibrationData<R extends CalibrationSource>(
  rows: readonly R[],
  itemCount: number,
): CalibrationData<R> {
  const excluded = { aborted: 0, incomplete: 0, scoreMismatch: 0, fastAnswers: 0 };
  const responses: number[][] = [];
  const used: R[] = [];
  let from: string | null = null;
  let to: string | null = null;
  for (const row of rows) {
    if (row.status !== 'completed') excluded.aborted++;
    else if (row.item_pattern.length !== itemCount || /[^01]/.test(row.item_pattern)) excluded.incomplete++;
    else if (row.score_mismatch) excluded.scoreMismatch++;
    else if (row.fast_answers) excluded.fastAnswers++;
    else {
      responses.push([...row.item_pattern].map((c) => (c === '1' ? 1 : 0)));
      used.push(row);
      if (from === null || row.closed_at < from) from = row.closed_at;
      if (to === null || row.closed_at > to) to = row.closed_at;
    }
  }
  return { responses, used, excluded, from, to };
}

/** Every stored result of one package version, in a stable order (so a snapshot can be recomputed). */
export function readCalibrationSources(
  db: Kysely<Database>,
  packageHash: string,
): Promise<CalibrationSource[]> {
  return db
    .selectFrom('results')
    .select(['status', 'item_pattern', 'score_mismatch', 'fast_answers', 'closed_at'])
    .where('package_hash', '=', packageHash)
    .orderBy('closed_at')
    .orderBy('result_id')
    .execute();
}
