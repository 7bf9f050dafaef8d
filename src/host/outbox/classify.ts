/**
 * What one upload's outcome means for the result: delivered (a receipt that proves it), try again with backoff
 * (the service may well take it next time), or refused (the service will not take these bytes as they are;
 * the result is still kept and retried at the longest interval, because a refusal can be lifted — a package
 * installed on the service, a device re-enrolled — and a kiosk never deletes an undelivered result).
 */
import type { KeyObject } from 'node:crypto';
import type { SignedResult } from '../../shared/result';
import type { SignedReceipt } from '../../shared/results-service';
import type { HttpOutcome } from '../service-link/http';
import { OutboxMessageCode, outboxMessage, refusalReasons } from './messages';
import { checkReceipt } from './receipt-check';

export type AttemptVerdict =
  | { kind: 'delivered'; receipt: SignedReceipt; duplicate: boolean }
  | { kind: 'retry'; message: string; detail: string }
  | { kind: 'refused'; message: string; detail: string };

export function classifyUpload(
  outcome: HttpOutcome,
  envelope: SignedResult,
  serverKey: KeyObject,
): AttemptVerdict {
  if (outcome.kind === 'timeout') {
    return { kind: 'retry', message: outboxMessage(OutboxMessageCode.timeout), detail: outcome.detail };
  }
  if (outcome.kind === 'network') {
    return { kind: 'retry', message: outboxMessage(OutboxMessageCode.unreachable), detail: outcome.detail };
  }
  const { status, problem } = outcome;
  const detail = `HTTP ${status}${problem ? ` ${problem.code}: ${problem.detail}` : ''}`;
  if (status === 200 || status === 201) {
    const check = checkReceipt(outcome.body, envelope, serverKey);
    if (check.ok) return { kind: 'delivered', receipt: check.receipt, duplicate: check.duplicate };
    return { kind: 'retry', message: outboxMessage(OutboxMessageCode.badReceipt), detail: check.why };
  }
  if (status === 409) return { kind: 'refused', message: outboxMessage(OutboxMessageCode.conflict), detail };
  // 408 and 429 are "not now", not "not this": ordinary backoff.
  if (status === 408) return { kind: 'retry', message: outboxMessage(OutboxMessageCode.timeout), detail };
  if (status === 429) return { kind: 'retry', message: outboxMessage(OutboxMessageCode.busy), detail };
  if (status >= 400 && status < 500) {
    const reason = problem ? refusalReasons[problem.code] : undefined;
    return { kind: 'refused', message: outboxMessage(OutboxMessageCode.refused, reason), detail };
  }
  // 5xx, and anything a proxy might answer (3xx, 1xx): the service did not take it this time.
  return { kind: 'retry', message: outboxMessage(OutboxMessageCode.serverError), detail };
}
