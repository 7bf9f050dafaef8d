import type { KeyObject } from 'node:crypto';
import { formatIssues } from '../../shared/json';
import { SignedResult, type ResultRecord } from '../../shared/result';
import { signJson, verifyJson, type Ed25519Signer, type VerifyOutcome } from '../signing/sign';

/** Signs a result record with the device key: Ed25519 over its RFC 8785 canonical bytes. */
export function signResult(record: ResultRecord, signer: Ed25519Signer): SignedResult {
  // The record is plain JSON by construction (zod-parsed, no undefined): a round trip makes that a fact.
  const payload = JSON.parse(JSON.stringify(record)) as ResultRecord;
  return SignedResult.parse(signJson(payload, signer));
}

/** Verifies the signature and that the payload is a result record of this schema version. */
export function verifyResult(envelope: unknown, publicKey: KeyObject): VerifyOutcome {
  const outcome = verifyJson(envelope, publicKey);
  if (!outcome.ok) return outcome;
  const parsed = SignedResult.safeParse(envelope);
  if (!parsed.success) {
    return { ok: false, reason: 'malformed', detail: formatIssues(parsed.error) };
  }
  return outcome;
}
