import type { SessionEvent } from '../../shared/session';
import { Journal, JournalWriteError } from '../journal';
import type { JournalKey } from '../keys/journal-key';
import { Rejected } from '../router';
import type { EventSink } from './event-sink';

/**
 * The durable EventSink: each event is one journal record, written and fdatasynced before `append` resolves,
 * so the session service acknowledges only what is on disk. A failed write (disk full, read-only) becomes a
 * `Rejected` carrying the journal's Dutch message for the afnemer; the journal was cut back to its last whole
 * record, so the sitting stays resumable and the same action can be tried again once the cause is fixed.
 */
export class JournalEventSink implements EventSink {
  constructor(
    readonly journal: Journal,
    private readonly log: (error: JournalWriteError) => void = () => undefined,
  ) {}

  /** Creates `<dir>/<sessionId>.lbtj` for a new sitting. */
  static async create(
    dir: string,
    sessionId: string,
    journalKey: JournalKey,
    log?: (error: JournalWriteError) => void,
  ): Promise<JournalEventSink> {
    try {
      return new JournalEventSink(await Journal.create({ dir, sessionId, journalKey }), log);
    } catch (error) {
      throw asRejection(error, log);
    }
  }

  async append(event: SessionEvent): Promise<void> {
    try {
      await this.journal.append(event);
    } catch (error) {
      throw asRejection(error, this.log);
    }
  }

  position(): { headHash: string; records: number } {
    return { headHash: this.journal.headHash, records: this.journal.records };
  }

  async finish(): Promise<void> {
    try {
      if (!this.journal.closed) await this.journal.close({ closedAt: new Date().toISOString() });
    } finally {
      await this.journal.release();
    }
  }

  release(): Promise<void> {
    return this.journal.release();
  }
}

function asRejection(error: unknown, log?: (error: JournalWriteError) => void): unknown {
  if (!(error instanceof JournalWriteError)) return error;
  log?.(error);
  return new Rejected(error.message, { cause: error });
}
