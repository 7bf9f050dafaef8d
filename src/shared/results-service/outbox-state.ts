import { z } from 'zod';
import { ResultId } from '../result/record';
import { IsoTime } from '../session/event-parts';
import { SignedReceipt } from './receipt';

export const OUTBOX_STATE_SCHEMA = 'lbt.outbox-state/1';

/**
 * `<dataDir>/outbox/<sessionId>.json`: how far one stored result is on its way to the service. Written durably
 * before and after each attempt, so a restart continues where the last run stopped (at worst re-sending a
 * result the service already holds, which it answers with the same receipt). A result with no state file is
 * simply `waiting` with no attempts yet.
 */
export const OutboxState = z
  .object({
    schema: z.literal(OUTBOX_STATE_SCHEMA),
    sessionId: z.uuid(),
    /** The result this state belongs to: a result re-written under the same session starts afresh. */
    resultId: ResultId,
    state: z.enum(['waiting', 'delivered', 'exported']),
    attempts: z.number().int().min(0),
    lastAttemptAt: IsoTime.nullable(),
    nextAttemptAt: IsoTime.nullable(),
    lastError: z.string().nullable(),
    /** Set once a receipt verified with the pinned server key; kept as proof of delivery. */
    receipt: SignedReceipt.nullable(),
    deliveredAt: IsoTime.nullable(),
    exportedAt: IsoTime.nullable(),
  })
  .strict();
export type OutboxState = z.infer<typeof OutboxState>;
