import { z } from 'zod';
import type { SessionState } from './state';

/** Why the reducer refused an event. The code is for programs and tests; the reason for people. */
export const RejectionCode = z.enum([
  'not-opened',
  'already-opened',
  'closed',
  'seq-out-of-order',
  'time-backwards',
  'wrong-package',
  'invalid-opening',
  'paused',
  'not-paused',
  'ended',
  'not-ended',
  'wrong-phase',
  'not-current-item',
  'already-shown',
  'not-shown',
  'not-demonstrated',
  'response-mismatch',
  'incomplete-answer',
  'feedback-mismatch',
  'practice-unanswered',
  'back-not-allowed',
  'nothing-before',
  'items-not-committed',
  'invalid-interruption',
  /** An early stop before practice and the first family are done. */
  'too-early-to-end',
]);
export type RejectionCode = z.infer<typeof RejectionCode>;

export type ApplyResult =
  { ok: true; state: SessionState } | { ok: false; code: RejectionCode; reason: string };

export function reject(code: RejectionCode, reason: string): ApplyResult {
  return { ok: false, code, reason };
}

export function accept(state: SessionState): ApplyResult {
  return { ok: true, state };
}
