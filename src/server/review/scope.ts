/**
 * The one place that turns the review filters into SQL. Every review query starts here, and the gemeente comes
 * from the logged-in user, never from the request: that is what keeps one gemeente out of another's data.
 */
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { ReviewFilters } from '../../shared/review';
import type { Database } from '../db/tables';

/**
 * Whose results: one gemeente (every gemeente view, from the session) or a set of them (the national view of the
 * `analist`, which reads only aggregates; an empty set matches nothing).
 */
export type GemeenteScope = string | readonly string[];

type Scoped = SelectQueryBuilder<Database & { l: Database['leerroutes'] }, 'results' | 'l', object>;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

/** Results of `gemeente` matching the filters, left-joined with their recorded leerroute as `l`. */
export function scopedResults(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
  options: { completedOnly: boolean },
): Scoped {
  const joined = db.selectFrom('results').leftJoin('leerroutes as l', 'l.result_id', 'results.result_id');
  // One gemeente keeps its plain `=` (the statements and plans the gemeente views always had).
  let q = (typeof gemeente === 'string'
    ? joined.where('results.gemeente', '=', gemeente)
    : joined.where('results.gemeente', 'in', inScope(gemeente))) as unknown as Scoped;
  if (options.completedOnly) q = q.where('results.status', '=', 'completed');
  // Times are ISO-8601 UTC text with milliseconds, so text comparison is time comparison.
  if (filters.from) q = q.where('results.closed_at', '>=', `${filters.from}T00:00:00.000Z`);
  if (filters.to) q = q.where('results.closed_at', '<', nextDay(filters.to));
  if (filters.doelgroep) q = q.where('results.doelgroep', '=', filters.doelgroep);
  if (filters.deviceId) q = q.where('results.device_id', '=', filters.deviceId);
  if (filters.language) q = q.where('results.language', '=', filters.language);
  if (filters.inputType) q = q.where('results.input_type', '=', filters.inputType);
  if (filters.interpreter === 'ja') q = q.where('results.interpreter', '=', 1);
  if (filters.interpreter === 'nee') q = q.where('results.interpreter', '=', 0);
  if (filters.interpreter === 'onbekend') q = q.where('results.interpreter', 'is', null);
  if (filters.flag) q = q.where((eb) => flagCondition(eb, filters.flag!));
  return q;
}

/** The scope as a list for `in (...)`. */
export function inScope(gemeente: GemeenteScope): readonly string[] {
  if (typeof gemeente === 'string') return [gemeente];
  // `in ()` is not SQL; a name no gemeente can have keeps an empty set empty.
  return gemeente.length > 0 ? gemeente : [''];
}

type Eb = ExpressionBuilder<Database & { l: Database['leerroutes'] }, 'results' | 'l'>;

function flagCondition(eb: Eb, flag: NonNullable<ReviewFilters['flag']>) {
  switch (flag) {
    case 'mouse-used':
      return eb('results.mouse_used', '=', 1);
    case 'focus-lost':
      return eb('results.focus_lost', '=', 1);
    case 'interrupted':
      return eb('results.interrupted', '=', 1);
    case 'fast-answers':
      return eb('results.fast_answers', '>', 0);
    case 'unanswered':
      return eb('results.unanswered', '>', 0);
    case 'score-mismatch':
      return eb('results.score_mismatch', '=', 1);
    case 'cesuur-mismatch':
      return eb('results.cesuur_mismatch', '=', 1);
    case 'gemeente-mismatch':
      return eb('results.gemeente_mismatch', '=', 1);
    case 'ended-early':
      return eb('results.ended_early', 'is not', null);
    case 'reference-form':
      return eb('results.reference_form_broken', '=', 1);
    case 'geen':
      return eb.and([
        eb('results.mouse_used', '=', 0),
        eb('results.focus_lost', '=', 0),
        eb('results.interrupted', '=', 0),
        eb('results.fast_answers', '=', 0),
        eb('results.unanswered', '=', 0),
        eb('results.score_mismatch', '=', 0),
        eb('results.cesuur_mismatch', '=', 0),
        eb('results.gemeente_mismatch', '=', 0),
        eb('results.ended_early', 'is', null),
        eb('results.reference_form_broken', '=', 0),
      ]);
  }
}

/**
 * The kiosks of a gemeente (or a set) by label. Views group on the device id (in the results' own index) and look
 * the labels up after: a handful of devices, never a join over a million results. Kiosks sharing a label are one
 * location.
 */
export async function deviceLabels(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('devices')
    .select(['device_id', 'label'])
    .where('gemeente', 'in', inScope(gemeente))
    .execute();
  return new Map(rows.map((r) => [r.device_id, r.label]));
}
