/** Reading the audit log for the privacy officer: one gemeente's entries, as the API's AuditEntry. */
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditLogResponse } from '../../shared/review';
import type { AuditLogTable, Database } from '../db/tables';
import { bodyOfRow } from './chain';

export function entryOfRow(row: AuditLogTable): AuditEntry {
  return { ...bodyOfRow(row), prevHash: row.prev_hash, hash: row.hash };
}

export async function auditPage(
  db: Kysely<Database>,
  gemeente: string,
  page: { limit: number; offset: number },
): Promise<AuditLogResponse> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('audit_log')
      .selectAll()
      .where('gemeente', '=', gemeente)
      .orderBy('seq', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('gemeente', '=', gemeente)
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), entries: rows.map(entryOfRow) };
}

/** Every entry of the gemeente, oldest first (the CSV export), or only those about one candidate reference. */
export async function auditEntries(
  db: Kysely<Database>,
  gemeente: string,
  candidateRef?: string,
): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().where('gemeente', '=', gemeente);
  if (candidateRef !== undefined) q = q.where('candidate_ref', '=', candidateRef);
  return (await q.orderBy('seq').execute()).map(entryOfRow);
}
