/**
 * The local result store: `<dataDir>/results/<sessionId>.json`, one signed envelope per session. A record is
 * written durably (temp file, fsync, rename, directory fsync) so after a crash it is either absent or whole;
 * a failed write removes its temp file, so nothing half-written is ever left under a result's name.
 */
import { join } from 'node:path';
import { errnoCode, errnoKind } from '../../shared/errors/errno';
import { resultMessage, ResultMessageCode, SignedResult } from '../../shared/result';
import { SessionJsonDir } from '../storage/session-json-dir';

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
    const errno = errnoCode(error);
    const kind = errnoKind(errno);
    const code =
      kind === 'disk-full'
        ? ResultMessageCode.diskFull
        : kind === 'read-only'
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
  private readonly files: SessionJsonDir;

  constructor(readonly dir: string) {
    this.files = new SessionJsonDir(dir);
  }

  static inDataDir(dataDir: string): ResultStore {
    return new ResultStore(join(dataDir, RESULTS_DIR));
  }

  fileOf(sessionId: string): string {
    return this.files.fileOf(sessionId);
  }

  /**
   * Stores the envelope, replacing an earlier one of the same session: that can only be a record whose
   * closing was never acknowledged (the host died between storing it and journaling `session.closed`).
   */
  async write(envelope: SignedResult): Promise<string> {
    const { sessionId } = envelope.payload;
    const file = this.fileOf(sessionId);
    try {
      return await this.files.write(sessionId, JSON.stringify(envelope, null, 2) + '\n');
    } catch (error) {
      throw ResultWriteError.from(error, file);
    }
  }

  /** The stored envelope of a session, or null when there is none. Checks the shape, not the signature. */
  async read(sessionId: string): Promise<SignedResult | null> {
    const found = await this.files.read(
      sessionId,
      SignedResult,
      'a signed result',
      (message) => new ResultReadError(message),
    );
    return found?.value ?? null;
  }

  /** Session ids with a stored result, sorted. */
  list(): Promise<string[]> {
    return this.files.list();
  }
}
