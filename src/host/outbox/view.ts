/** The console's view of one result in the outbox (OutboxEntry), from what the outbox knows about it. */
import type { SignedResult } from '../../shared/result';
import { OUTBOX_STATE_SCHEMA, type OutboxEntry, type OutboxState } from '../../shared/results-service';
import { OutboxMessageCode, outboxMessage } from './messages';

/** One result the outbox knows: the facts the console shows, read once from the result, and its state. */
export interface Known {
  sessionId: string;
  summary: {
    resultId: string;
    candidateRef: string;
    status: 'completed' | 'aborted';
    closedAt: string;
  };
  state: OutboxState;
}

export function toOutboxEntry(known: Known, notEnrolled: boolean): OutboxEntry {
  const { state, summary } = known;
  const undelivered = state.state !== 'delivered';
  return {
    sessionId: known.sessionId,
    resultId: summary.resultId,
    candidateRef: summary.candidateRef,
    status: summary.status,
    closedAt: summary.closedAt,
    state: state.state,
    attempts: state.attempts,
    lastAttemptAt: state.lastAttemptAt,
    nextAttemptAt: undelivered ? state.nextAttemptAt : null,
    // Without a service link nothing is tried; say why rather than show an empty error column.
    lastError:
      undelivered && notEnrolled && state.lastError === null
        ? outboxMessage(OutboxMessageCode.notEnrolled)
        : undelivered
          ? state.lastError
          : null,
    receipt: state.receipt ? { storedAt: state.receipt.payload.storedAt, keyId: state.receipt.keyId } : null,
    exportedAt: state.exportedAt,
  };
}

/** What the outbox knows of a result it has never tried: waiting, no attempts. */
export function knownOf(sessionId: string, envelope: SignedResult): Known {
  const { payload } = envelope;
  return {
    sessionId,
    summary: {
      resultId: payload.resultId,
      candidateRef: payload.candidateRef,
      status: payload.status,
      closedAt: payload.timing.closedAt,
    },
    state: {
      schema: OUTBOX_STATE_SCHEMA,
      sessionId,
      resultId: payload.resultId,
      state: 'waiting',
      attempts: 0,
      lastAttemptAt: null,
      nextAttemptAt: null,
      lastError: null,
      receipt: null,
      deliveredAt: null,
      exportedAt: null,
    },
  };
}
