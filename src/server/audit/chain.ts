/**
 * The audit log's hash chain: an entry's hash is sha256 (hex) of the previous hash, a newline, and the canonical
 * JSON (RFC 8785, the project's canonical JSON) of the entry's fields without the hashes. Used by the writer
 * (append.ts) and by `lbt audit verify` (verify.ts) alike, so both hash the same bytes.
 */
import { createHash } from 'node:crypto';
import type { AuditEntryBody } from '../../shared/review';
import { canonicalJson } from '../../shared/signing';
import type { AuditLogTable } from '../db/tables';

export function entryHash(prevHash: string, body: AuditEntryBody): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(body)}`)
    .digest('hex');
}

/** The stored row as the body that was hashed. `detail` that does not parse hashes as text, and so breaks. */
export function bodyOfRow(row: AuditLogTable): AuditEntryBody {
  let detail: AuditEntryBody['detail'];
  try {
    detail = JSON.parse(row.detail) as AuditEntryBody['detail'];
  } catch {
    detail = { unreadable: row.detail };
  }
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    role: row.role as AuditEntryBody['role'],
    gemeente: row.gemeente,
    action: row.action as AuditEntryBody['action'],
    why: row.why as AuditEntryBody['why'],
    subject: row.subject,
    candidateRef: row.candidate_ref,
    detail,
  };
}
