import { z } from 'zod';
import { RefusalReason, TornReason } from '../journal/recovery-report';
import { IsoTime } from '../session/event-parts';

/**
 * What the host found and did at start (`session.recovery`): the sitting it resumed, torn tails it cut and
 * journals it refused, each with the afnemer's Dutch message and the technical facts (file, record, reason)
 * for support. Built once per host start; it does not change while the host runs.
 */
export const ResumedSession = z
  .object({
    sessionId: z.string(),
    file: z.string(),
    /** Events in the journal before the interruption was added. */
    events: z.number().int().min(0),
    /** The downtime recorded as `session.interrupted`; null if it could not be written (see `message`). */
    interruption: z.object({ from: IsoTime, to: IsoTime }).strict().nullable(),
    phase: z.string(),
    itemIndex: z.number().int().min(0).nullable(),
    committed: z.number().int().min(0),
    message: z.string(),
  })
  .strict();

export const TruncatedJournal = z
  .object({
    file: z.string(),
    sessionId: z.string(),
    recordNumber: z.number().int().positive(),
    offset: z.number().int().min(0),
    bytesCut: z.number().int().positive(),
    reason: TornReason,
    savedAs: z.string().nullable(),
    message: z.string(),
  })
  .strict();

export const RefusedJournal = z
  .object({
    file: z.string(),
    recordNumber: z.number().int().min(0),
    reason: RefusalReason,
    detail: z.string(),
    /** True when the journal was altered or rolled back after acknowledgement (docs/JOURNAL.md, "Head anchor"). */
    tampering: z.boolean(),
    message: z.string(),
  })
  .strict();

/** An intact open journal the host did not resume (kept as it is), and why. */
export const UnresumedJournal = z
  .object({
    file: z.string(),
    sessionId: z.string(),
    reason: z.enum(['another-session-open', 'does-not-fold', 'no-package', 'write-failed']),
    detail: z.string(),
    message: z.string(),
  })
  .strict();

/** An open journal with nothing to resume, given its close record at start. */
export const FinishedJournal = z
  .object({ file: z.string(), sessionId: z.string(), why: z.enum(['empty', 'already-closed']) })
  .strict();

export const SessionRecoveryReport = z
  .object({
    schema: z.literal('lbt.session-recovery/1'),
    checkedAt: IsoTime,
    journals: z.number().int().min(0),
    resumed: ResumedSession.nullable(),
    truncated: z.array(TruncatedJournal),
    refused: z.array(RefusedJournal),
    notResumed: z.array(UnresumedJournal),
    finished: z.array(FinishedJournal),
  })
  .strict();
export type SessionRecoveryReport = z.infer<typeof SessionRecoveryReport>;

export const SessionRecoveryRequest = z.object({}).strict();
