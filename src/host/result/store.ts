/**
 * The local result store: `<dataDir>/results/<sessionId>.json`, one signed envelope per session. A record is
 * written durably (temp file, fsync, rename, directory fsync) so after a crash it is either absent or whole;
 * a failed write removes its temp file, so nothing half-written is ever left under a result's name.
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { resultMessage, ResultMessageCode, SignedResult } from '../../shared/result';
import { fsyncDir, writeFileDurably, readTextIfExists } from '../keys/durable-fs';

export const RESULTS_DIR = 'results';

/** Storing a result failed; `message` is the afnemer's Dutch text, `detail` is for the log. */
export class ResultWriteError extends Error {
  override readonly name = 'ResultWriteError';
  constructor(
    readonly code: ResultMessageCode,
    readonly errno: string,
    readonly file: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(resultMessage(code), options);
  }

  static from(error: unknown, file: string): ResultWriteError {
    const errno = (error as NodeJS.ErrnoException)?.code ?? 'UNKNOWN';
    const code =
      errno === 'ENOSPC' || errno === 'EDQUOT' || errno === 'EFBIG'
        ? ResultMessageCode.diskFull
        : errno === 'EROFS' || errno === 'EACCES' || errno === 'EPERM'
          ? ResultMessageCode.readOnly
          : ResultMessageCode.ioError;
    return new ResultWriteError(code, errno, file, `${file}: ${(error as Error)?.message ?? error}`, {
      cause: error,
    });
  }
}

/** A stored file that is not a signed result: named, never silently skipped. */
export class ResultReadError extends Error {
  override readonly name = 'ResultReadError';
}

export class ResultStore {
  constructor(readonly dir: string) {}

  static inDataDir(dataDir: string): ResultStore {
    return new ResultStore(join(dataDir, RESULTS_DIR));
  }

  fileOf(sessionId: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(sessionId)) throw new RangeError(`bad session id ${sessionId}`);
    return join(this.dir, `${sessionId}.json`);
  }

  /**
   * Stores the envelope, replacing an earlier one of the same session: that can only be a record whose
   * closing was never acknowledged (the host died between storing it and journaling `session.closed`).
   */
  async write(envelope: SignedResult): Promise<string> {
    const file = this.fileOf(envelope.payload.sessionId);
    try {
      const made = await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      if (made !== undefined) await fsyncDir(dirname(this.dir));
      await writeFileDurably(file, Buffer.from(JSON.stringify(envelope, null, 2) + '\n', 'utf8'), {
        mode: 0o600,
        exclusive: false,
      });
    } catch (error) {
      throw ResultWriteError.from(error, file);
    }
    return file;
  }

  /** The stored envelope of a session, or null when there is none. Checks the shape, not the signature. */
  async read(sessionId: string): Promise<SignedResult | null> {
    const file = this.fileOf(sessionId);
    const text = await readTextIfExists(file);
    if (text === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ResultReadError(`${file} is not JSON: ${(error as Error).message}`);
    }
    const parsed = SignedResult.safeParse(json);
    if (!parsed.success) {
      throw new ResultReadError(`${file} is not a signed result: ${parsed.error.issues[0]?.message}`);
    }
    return parsed.data;
  }

  /** Session ids with a stored result, sorted. */
  async list(): Promise<string[]> {
    try {
      const names = await fs.readdir(this.dir);
      return names
        .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
        .map((n) => n.slice(0, -5))
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
