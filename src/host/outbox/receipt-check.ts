/**
 * Decides whether an answer from the service proves that OUR result is stored. Only a receipt that parses,
 * verifies with the pinned server key, and names our result id, our device and the hash of exactly the payload
 * we signed counts: anything less (a proxy's page, a receipt for another result, a receipt signed by another
 * key) leaves the result waiting.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { formatIssues } from '../../shared/json';
import { IngestResponse, type SignedReceipt } from '../../shared/results-service';
import type { SignedResult } from '../../shared/result';
import { canonicalBytes } from '../../shared/signing/canonical';
import { verifyJson } from '../signing/sign';

export type ReceiptCheck =
  { ok: true; receipt: SignedReceipt; duplicate: boolean } | { ok: false; why: string };

export function payloadHashOf(envelope: SignedResult): string {
  return createHash('sha256').update(canonicalBytes(envelope.payload)).digest('hex');
}

export function checkReceipt(body: unknown, envelope: SignedResult, serverKey: KeyObject): ReceiptCheck {
  const parsed = IngestResponse.safeParse(body);
  if (!parsed.success) return { ok: false, why: `not an ingest response: ${formatIssues(parsed.error)}` };
  const { receipt, duplicate } = parsed.data;
  const verified = verifyJson(receipt, serverKey);
  if (!verified.ok) return { ok: false, why: `receipt ${verified.reason}: ${verified.detail}` };
  const facts = receipt.payload;
  if (facts.resultId !== envelope.payload.resultId) {
    return { ok: false, why: `receipt for result ${facts.resultId}, sent ${envelope.payload.resultId}` };
  }
  if (facts.deviceId !== envelope.payload.deviceId) {
    return { ok: false, why: `receipt for device ${facts.deviceId}, sent by ${envelope.payload.deviceId}` };
  }
  const expected = payloadHashOf(envelope);
  if (facts.payloadHash !== expected) {
    return { ok: false, why: `receipt payloadHash ${facts.payloadHash}, expected ${expected}` };
  }
  return { ok: true, receipt, duplicate };
}
