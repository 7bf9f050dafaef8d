/**
 * What the tally reads of a stored result: its review columns and its recorded leerroute. One select, used for a
 * gemeente's first load and for every result a change names (sync.ts).
 */
import type { Kysely } from 'kysely';
import type { Database, ResultsTable } from '../../db/tables';

const RESULT_COLUMNS = [
  'result_id',
  'gemeente',
  'status',
  'closed_at',
  'doelgroep',
  'device_id',
  'language',
  'input_type',
  'interpreter',
  'raw',
  'cesuur',
  'max',
  'twijfelzone_from',
  'twijfelzone_to',
  'outcome',
  'package_hash',
  'item_pattern',
  'practiced',
  'quiet_room',
  'group_size',
  'intake_moment',
  'interpreter_mode',
  'interpreter_language',
  'translation_tool',
  'device_model',
  'resolution',
  'shell',
  'afnemer_id',
  'ended_early',
  'abort_reason',
  'pauses',
  'pause_reasons',
  'mouse_used',
  'focus_lost',
  'interrupted',
  'fast_answers',
  'unanswered',
  'score_mismatch',
  'cesuur_mismatch',
  'gemeente_mismatch',
  'reference_form_broken',
] as const satisfies readonly (keyof ResultsTable)[];

export type TallyRow = Pick<ResultsTable, (typeof RESULT_COLUMNS)[number]> & {
  /** The recorded leerroute, null while none is. */
  route: 'B1' | 'O' | 'Z' | null;
};

/** The tally's select: results left-joined with their leerroute. */
export function tallySelect(db: Kysely<Database>) {
  return db
    .selectFrom('results')
    .leftJoin('leerroutes as l', 'l.result_id', 'results.result_id')
    .select(RESULT_COLUMNS.map((c) => `results.${c}` as const))
    .select('l.route');
}
