/**
 * The outbox's memory: `<dataDir>/outbox/<sessionId>.json`, one OutboxState per result, each replaced durably
 * (temp file, fsync, rename, directory fsync). A state file is a small fact about a result, never the result
 * itself: the signed envelope stays where the result store put it.
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { OutboxState } from '../../shared/results-service';
import { fsyncDir, readTextIfExists, writeFileDurably } from '../keys/durable-fs';

export const OUTBOX_DIR = 'outbox';

/** A state file that cannot be read: reported, and the result is treated as never attempted (safe: re-upload). */
export class OutboxStateError extends Error {
  override readonly name = 'OutboxStateError';
}

export class OutboxStateStore {
  constructor(readonly dir: string) {}

  static inDataDir(dataDir: string): OutboxStateStore {
    return new OutboxStateStore(join(dataDir, OUTBOX_DIR));
  }

  fileOf(sessionId: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(sessionId)) throw new RangeError(`bad session id ${sessionId}`);
    return join(this.dir, `${sessionId}.json`);
  }

  async write(state: OutboxState): Promise<void> {
    const checked = OutboxState.parse(state);
    const made = await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (made !== undefined) await fsyncDir(dirname(this.dir));
    await writeFileDurably(this.fileOf(state.sessionId), Buffer.from(JSON.stringify(checked) + '\n'), {
      mode: 0o600,
      exclusive: false,
    });
  }

  /** The state of one result, or null when it has none. Throws OutboxStateError for a damaged file. */
  async read(sessionId: string): Promise<OutboxState | null> {
    const file = this.fileOf(sessionId);
    const text = await readTextIfExists(file);
    if (text === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new OutboxStateError(`${file} is not JSON: ${(error as Error).message}`);
    }
    const parsed = OutboxState.safeParse(json);
    if (!parsed.success) throw new OutboxStateError(`${file}: ${parsed.error.issues[0]?.message}`);
    if (parsed.data.sessionId !== sessionId)
      throw new OutboxStateError(`${file} names ${parsed.data.sessionId}`);
    return parsed.data;
  }

  async remove(sessionId: string): Promise<void> {
    await fs.rm(this.fileOf(sessionId), { force: true });
    await fsyncDir(this.dir).catch(() => undefined);
  }

  async list(): Promise<string[]> {
    try {
      const names = await fs.readdir(this.dir);
      return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
