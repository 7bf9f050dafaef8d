/**
 * Recording the chosen leerroute. A route against the advice of the result's own cesuur needs a reason from the
 * fixed list and an explanation (both go into the PIP); the check is here, on the server, so no client can skip it.
 */
import type { Kysely } from 'kysely';
import type { LeerrouteRecord, RecordLeerrouteRequest } from '../../shared/review';
import { isConform } from '../../shared/scoring/rules';
import type { Database } from '../db/tables';
import { ProblemError } from '../http/problem';

export async function recordLeerroute(
  db: Kysely<Database>,
  now: Date,
  who: { username: string; gemeente: string },
  resultId: string,
  body: RecordLeerrouteRequest,
): Promise<LeerrouteRecord> {
  const result = await db
    .selectFrom('results')
    .select(['raw', 'cesuur', 'status', 'outcome'])
    .where('result_id', '=', resultId)
    .where('gemeente', '=', who.gemeente)
    .executeTakeFirst();
  if (!result) throw new ProblemError(404, 'not-found', `There is no result ${resultId}.`);
  if (result.status !== 'completed') {
    throw new ProblemError(
      422,
      'invalid',
      'An aborted sitting has no outcome, so no leerroute is recorded against it.',
    );
  }
  // A pilot result has no advice, so no route can go against it: no reason is asked, and it is stored as conform.
  const conform = result.outcome === 'geen-advies' || isConform(body.route, result.raw, result.cesuur);
  if (!conform) {
    const issues = [
      ...(body.reason ? [] : ['$.reason: required when the route goes against the advice']),
      ...(body.explanation
        ? []
        : ['$.explanation: required when the route goes against the advice (10-500 characters)']),
    ];
    if (issues.length > 0) {
      throw new ProblemError(
        422,
        'invalid',
        `Route ${body.route} goes against the advice (score ${result.raw}, cesuur ${result.cesuur}): give a reason and an explanation.`,
        issues,
      );
    }
  }
  const row = {
    route: body.route,
    conform: conform ? 1 : 0,
    reason: body.reason ?? null,
    explanation: body.explanation ?? null,
    recorded_by: who.username,
    recorded_at: now.toISOString(),
  };
  await db
    .insertInto('leerroutes')
    .values({ result_id: resultId, gemeente: who.gemeente, raw: result.raw, cesuur: result.cesuur, ...row })
    .onConflict((oc) => oc.column('result_id').doUpdateSet(row))
    .execute();
  return toRecord(row);
}

export function toRecord(row: {
  route: 'B1' | 'O' | 'Z';
  conform: number;
  reason: string | null;
  explanation: string | null;
  recorded_by: string;
  recorded_at: string;
}): LeerrouteRecord {
  return {
    route: row.route,
    conform: row.conform === 1,
    reason: row.reason as LeerrouteRecord['reason'],
    explanation: row.explanation,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}
