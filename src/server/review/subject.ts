/**
 * Data-subject requests (issue 20, item 5): everything the service holds about one candidate reference in the
 * privacy officer's gemeente (the signed results, the service's score, the leerroutes and the audit entries about
 * it), and its erasure. Exact match on the reference: "K-1" never brings "K-10" or another gemeente's "K-1".
 */
import type { Kysely } from 'kysely';
import type { EraseSubjectResponse, SubjectExport } from '../../shared/review';
import { ResultRecord } from '../../shared/result/record';
import { appendInTransaction, type AuditInput } from '../audit/append';
import { auditEntries } from '../audit/read';
import type { Database } from '../db/tables';
import type { Dialect } from '../deps';
import { toRecord } from './leerroute';

export async function subjectExport(
  db: Kysely<Database>,
  gemeente: string,
  candidateRef: string,
  now: Date,
): Promise<SubjectExport | null> {
  const rows = await db
    .selectFrom('results')
    .leftJoin('leerroutes as l', 'l.result_id', 'results.result_id')
    .select([
      'results.result_id',
      'results.stored_at',
      'results.envelope',
      'results.raw',
      'results.max',
      'results.cesuur',
      'results.outcome',
      'l.route',
      'l.conform',
      'l.reason',
      'l.explanation',
      'l.recorded_by',
      'l.recorded_at',
    ])
    .where('results.gemeente', '=', gemeente)
    .where('results.candidate_ref', '=', candidateRef)
    .orderBy('results.closed_at')
    .execute();
  const audit = await auditEntries(db, gemeente, candidateRef);
  if (rows.length === 0 && audit.length === 0) return null;
  return {
    schema: 'lbt.subject-export/1',
    gemeente,
    candidateRef,
    generatedAt: now.toISOString(),
    results: rows.map((r) => ({
      resultId: r.result_id,
      storedAt: r.stored_at,
      record: ResultRecord.parse((JSON.parse(r.envelope) as { payload: unknown }).payload),
      score: { raw: r.raw, max: r.max, cesuur: r.cesuur },
      outcome: r.outcome,
      leerroute:
        r.route && r.recorded_by && r.recorded_at
          ? toRecord({
              route: r.route,
              conform: r.conform ?? 0,
              reason: r.reason,
              explanation: r.explanation,
              recorded_by: r.recorded_by,
              recorded_at: r.recorded_at,
            })
          : null,
    })),
    auditEntries: audit,
  };
}

/**
 * Deletes the candidate's results and leerroutes in one transaction with the audit entry that records it. The
 * audit entries about the reference stay: they are the gemeente's accountability (AVG art. 5(2)), and they
 * carry no score or answer. The change-feed triggers (migration 020) take them out of every review tally.
 */
export async function eraseSubject(
  db: Kysely<Database>,
  dialect: Dialect,
  now: Date,
  who: Pick<AuditInput, 'actor' | 'role'> & { gemeente: string },
  candidateRef: string,
): Promise<EraseSubjectResponse> {
  return db.transaction().execute(async (trx) => {
    const ids = (
      await trx
        .selectFrom('results')
        .select('result_id')
        .where('gemeente', '=', who.gemeente)
        .where('candidate_ref', '=', candidateRef)
        .execute()
    ).map((r) => r.result_id);
    if (ids.length > 0) {
      await trx.deleteFrom('leerroutes').where('result_id', 'in', ids).execute();
      await trx.deleteFrom('results').where('result_id', 'in', ids).execute();
    }
    await appendInTransaction(trx, dialect, now, {
      actor: who.actor,
      role: who.role,
      gemeente: who.gemeente,
      action: 'subject.erase',
      why: 'verwijderverzoek',
      candidateRef,
      detail: { erased: ids.length },
    });
    return { erased: ids.length };
  });
}
