/**
 * Checks the audit log's chain (`lbt audit verify`): every seq from 1 without a gap, every prev_hash equal to the
 * hash before it, every hash equal to the hash of its own fields. The first entry that fails is named, with
 * what is wrong, so an altered, removed or inserted row is found. A removed tail leaves a shorter valid chain:
 * that is why the head (count and last hash) is printed, to be compared with one recorded earlier (`--head`).
 */
import type { Kysely } from 'kysely';
import { AUDIT_GENESIS } from '../../shared/review';
import type { Database } from '../db/tables';
import { bodyOfRow, entryHash } from './chain';

export type AuditVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

const PAGE = 5000;

export async function verifyAuditLog(db: Kysely<Database>): Promise<AuditVerdict> {
  let expectedSeq = 1;
  let prevHash = AUDIT_GENESIS;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const broken = (reason: string, at = seq): AuditVerdict => ({
        ok: false,
        entries: expectedSeq - 1,
        brokenAt: at,
        reason,
      });
      if (seq !== expectedSeq) {
        return broken(`entry ${expectedSeq} is missing (the next one is ${seq})`, expectedSeq);
      }
      if (row.prev_hash !== prevHash) return broken('its previous hash does not match the entry before it');
      if (entryHash(prevHash, bodyOfRow(row)) !== row.hash)
        return broken('its content does not match its hash (altered)');
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < PAGE) return { ok: true, entries: expectedSeq - 1, head: prevHash };
  }
}
