import type { SessionEvent } from '../../shared/session';

/**
 * Where the session service puts each accepted event BEFORE it updates its state and answers the page.
 * The durable journal (fsync, hash chain) implements this; `append` resolves only once the event is safe,
 * and rejects when it is not, in which case the event did not happen.
 */
export interface EventSink {
  append(event: SessionEvent): Promise<void>;
  /** Where the stored events stand (the journal's head hash and record count); quoted by the result record. */
  position?(): { headHash: string; records: number };
  /** The sitting is closed: seal the store (the journal's close record) and let go of it. */
  finish?(): Promise<void>;
  /** Lets go of the store without sealing it (a sitting that never opened, or a host shutting down). */
  release?(): Promise<void>;
}

/** Keeps events in memory: for tests and until the journal is slotted in. Nothing survives a restart. */
export class MemoryEventSink implements EventSink {
  readonly events: SessionEvent[] = [];

  async append(event: SessionEvent): Promise<void> {
    this.events.push(event);
  }
}
