/**
 * Writing to the audit log. One entry at a time under a lock (SQLite: the database's single writer; PostgreSQL: a
 * transaction-scoped advisory lock), so several service instances on one database still form one chain:
 * each entry reads the last one's seq and hash and writes seq + 1 (the primary key refuses a second seq + 1).
 * `appendAudit` takes a transaction or the database, so a change and its entry can commit together.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { AUDIT_GENESIS, type AuditEntryBody } from '../../shared/review';
import type { Database } from '../db/tables';
import type { Dialect } from '../deps';
import { entryHash } from './chain';

export type AuditInput = Omit<AuditEntryBody, 'seq' | 'at' | 'detail' | 'subject' | 'candidateRef'> &
  Partial<Pick<AuditEntryBody, 'detail' | 'subject' | 'candidateRef'>>;

/** Who made a change: a review user and role, or `lbt` / `service` with role `system`. */
export type AuditActor = Pick<AuditInput, 'actor' | 'role'>;

/** The command line: an operator on the service's machine, not a dashboard account. */
export const CLI_ACTOR: AuditActor = { actor: 'lbt', role: 'system' };

/** Any 64-bit number both sides agree on: the lock that orders audit appends across instances. */
const AUDIT_LOCK = 20_200_314;

export async function appendAudit(
  db: Kysely<Database>,
  dialect: Dialect,
  now: Date,
  input: AuditInput,
): Promise<AuditEntryBody & { hash: string }> {
  return db.transaction().execute((trx) => appendInTransaction(trx, dialect, now, input));
}

export async function appendInTransaction(
  trx: Transaction<Database>,
  dialect: Dialect,
  now: Date,
  input: AuditInput,
): Promise<AuditEntryBody & { hash: string }> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const body: AuditEntryBody = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: now.toISOString(),
    actor: input.actor,
    role: input.role,
    gemeente: input.gemeente,
    action: input.action,
    why: input.why,
    subject: input.subject ?? null,
    candidateRef: input.candidateRef ?? null,
    detail: input.detail ?? {},
  };
  const prevHash = last?.hash ?? AUDIT_GENESIS;
  const hash = entryHash(prevHash, body);
  await trx
    .insertInto('audit_log')
    .values({
      seq: body.seq,
      at: body.at,
      actor: body.actor,
      role: body.role,
      gemeente: body.gemeente,
      action: body.action,
      why: body.why,
      subject: body.subject,
      candidate_ref: body.candidateRef,
      detail: JSON.stringify(body.detail),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return { ...body, hash };
}
