/**
 * A folder with one JSON file per session (`<dir>/<sessionId>.json`), each replaced durably (temp file, fsync,
 * rename, directory fsync): after a crash a file is either its old or its new self. The result store and the
 * outbox's delivery states are both such folders; each adds its own schema and its own errors.
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { fsyncDir, readTextIfExists, writeFileDurably } from '../keys/durable-fs';
import { parseJson } from '../../shared/json';

export class SessionJsonDir {
  constructor(readonly dir: string) {}

  /** The file of a session; refuses ids that could name anything outside the folder. */
  fileOf(sessionId: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(sessionId)) throw new RangeError(`bad session id ${sessionId}`);
    return join(this.dir, `${sessionId}.json`);
  }

  /** Writes `text` as the session's file, creating the folder (0700) and making its entry durable. */
  async write(sessionId: string, text: string): Promise<string> {
    const file = this.fileOf(sessionId);
    const made = await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (made !== undefined) await fsyncDir(dirname(this.dir));
    await writeFileDurably(file, Buffer.from(text, 'utf8'), { mode: 0o600, exclusive: false });
    return file;
  }

  /**
   * The session's file checked against `schema`, or null when there is none. A file that is not JSON or not of
   * the schema is named in the error `fail` makes, never skipped.
   */
  async read<S extends z.ZodType>(
    sessionId: string,
    schema: S,
    /** What the file should be, for the error: e.g. "a signed result". */
    what: string,
    fail: (message: string) => Error,
  ): Promise<{ file: string; value: z.output<S> } | null> {
    const file = this.fileOf(sessionId);
    const text = await readTextIfExists(file);
    if (text === null) return null;
    // Strict (parseJson): a stored result is signed evidence; a repeated name would read differently elsewhere.
    const parsed = parseJson(schema, text, file);
    if (!parsed.ok) {
      throw fail(
        parsed.error.problem === 'schema'
          ? `${file} is not ${what}: ${parsed.error.detail}`
          : parsed.error.message,
      );
    }
    return { file, value: parsed.value };
  }

  /** Session ids with a file, sorted. */
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
