/**
 * The outbox's memory: `<dataDir>/outbox/<sessionId>.json`, one OutboxState per result, each replaced durably
 * (temp file, fsync, rename, directory fsync). A state file is a small fact about a result, never the result
 * itself: the signed envelope stays where the result store put it.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { OutboxState } from '../../shared/results-service';
import { fsyncDir } from '../keys/durable-fs';
import { SessionJsonDir } from '../storage/session-json-dir';

export const OUTBOX_DIR = 'outbox';

/** A state file that cannot be read: reported, and the result is treated as never attempted (safe: re-upload). */
export class OutboxStateError extends Error {
  override readonly name = 'OutboxStateError';
}

export class OutboxStateStore {
  private readonly files: SessionJsonDir;

  constructor(readonly dir: string) {
    this.files = new SessionJsonDir(dir);
  }

  static inDataDir(dataDir: string): OutboxStateStore {
    return new OutboxStateStore(join(dataDir, OUTBOX_DIR));
  }

  fileOf(sessionId: string): string {
    return this.files.fileOf(sessionId);
  }

  async write(state: OutboxState): Promise<void> {
    const checked = OutboxState.parse(state);
    await this.files.write(state.sessionId, JSON.stringify(checked) + '\n');
  }

  /** The state of one result, or null when it has none. Throws OutboxStateError for a damaged file. */
  async read(sessionId: string): Promise<OutboxState | null> {
    const found = await this.files.read(
      sessionId,
      OutboxState,
      'an outbox state',
      (message) => new OutboxStateError(message),
    );
    if (!found) return null;
    if (found.value.sessionId !== sessionId)
      throw new OutboxStateError(`${found.file} names ${found.value.sessionId}`);
    return found.value;
  }

  async remove(sessionId: string): Promise<void> {
    await fs.rm(this.fileOf(sessionId), { force: true });
    await fsyncDir(this.dir).catch(() => undefined);
  }

  list(): Promise<string[]> {
    return this.files.list();
  }
}
