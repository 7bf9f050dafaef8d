/**
 * The kiosk's one JSON file reader: read the file, then parseJson (strict JSON + the file's zod schema). A file
 * that cannot be read is named with one clear reason from the shared errno helper, never a bare `ENOENT`.
 * The results service may not import src/host (layer table), so it reads its own text and calls parseJson.
 */
import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { errnoCode, errnoKind, errnoMessage, type ErrnoKind } from '../../shared/errors/errno';
import { parseJson, type JsonParseError } from '../../shared/json';

/** The file could not be read at all; `kind` says why ('missing' for ENOENT). */
export class JsonFileUnreadable extends Error {
  override readonly name = 'JsonFileUnreadable';
  readonly kind: ErrnoKind;
  constructor(
    readonly file: string,
    readonly what: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`${what} cannot be read: ${errnoMessage(code)}`, options);
    this.kind = errnoKind(code);
  }
}

export type JsonFileResult<T> =
  { ok: true; value: T } | { ok: false; error: JsonFileUnreadable | JsonParseError };

/** Reads `file` and checks it against `schema`; `what` names it in messages (default: the path). Never throws. */
export async function parseJsonFile<S extends z.ZodType>(
  schema: S,
  file: string,
  what: string = file,
): Promise<JsonFileResult<z.output<S>>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, error: new JsonFileUnreadable(file, what, errnoCode(error), { cause: error }) };
  }
  return parseJson(schema, text, what);
}

/** The same, but a missing file is null rather than an error (first run, nothing written yet). */
export async function parseJsonFileIfExists<S extends z.ZodType>(
  schema: S,
  file: string,
  what: string = file,
): Promise<JsonFileResult<z.output<S> | null>> {
  const result = await parseJsonFile(schema, file, what);
  if (!result.ok && result.error instanceof JsonFileUnreadable && result.error.kind === 'missing') {
    return { ok: true, value: null };
  }
  return result;
}
