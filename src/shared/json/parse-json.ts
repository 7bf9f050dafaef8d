/**
 * The one parse helper for JSON text at a boundary (after Signal's `parseUnknown`): strict JSON (no duplicate
 * keys, strict-json.ts), then the boundary's zod schema. Never throws; a failure is one error whose message
 * names what was read and lists every problem, so callers only choose their own error class.
 */
import type { z } from 'zod';
import { jsonErrorOffset } from './error-position';
import { formatIssues, issueLines, type IssueLine } from './issues';
import { parseStrictJson, StrictJsonError } from './strict-json';

export type JsonProblem = 'syntax' | 'duplicate-key' | 'schema';

export class JsonParseError extends Error {
  override readonly name = 'JsonParseError';
  constructor(
    readonly problem: JsonProblem,
    /** What was read, as the message names it: a file path or "the service's answer". */
    readonly what: string,
    /** The problems without `what`: for callers whose own message already names the file. */
    readonly detail: string,
    /** For 'schema': every issue; for 'duplicate-key': the object's path and the message. */
    readonly issues: IssueLine[],
  ) {
    super(problem === 'schema' ? `${what}: ${detail}` : `${what} is not JSON: ${detail}`);
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: JsonParseError };

export function parseJson<S extends z.ZodType>(schema: S, text: string, what: string): Parsed<z.output<S>> {
  let raw: unknown;
  try {
    raw = parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError && error.problem === 'duplicate-key') {
      const issues = [{ path: error.path ?? '$', message: error.message }];
      return { ok: false, error: new JsonParseError('duplicate-key', what, error.message, issues) };
    }
    const detail = describeSyntaxError(text, error);
    return { ok: false, error: new JsonParseError('syntax', what, detail, [{ path: '$', message: detail }]) };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const error = new JsonParseError('schema', what, formatIssues(parsed.error), issueLines(parsed.error));
  return { ok: false, error };
}

/** JSON.parse's message says what went wrong; people also need where, as a line and column. */
export function describeSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/, "[\s\S]*" is not valid JSON$/, '');
  const offset = jsonErrorOffset(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `malformed JSON at line ${line}, column ${column}: ${reason}`;
}
