import type { z } from 'zod';
import { jsonErrorOffset } from './json-error-position';
import { jsonPath, type PackageProblem } from '../../shared/items/problem';
import { parseStrictJson, StrictJsonError } from '../../shared/json';

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; problems: PackageProblem[] };

/**
 * Parses one package file against its schema. Malformed JSON is reported with line and column; a
 * schema mismatch with the JSON path of every offending field. Never throws.
 */
export function parseJsonFile<S extends z.ZodType>(
  file: string,
  bytes: Buffer,
  schema: S,
): ParseOutcome<z.output<S>> {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    // Strict: a signed package file naming a member twice would be read one way here and another elsewhere.
    raw = parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError && error.problem === 'duplicate-key') {
      return { ok: false, problems: [{ file, path: error.path ?? '$', message: error.message }] };
    }
    return { ok: false, problems: [{ file, path: '$', message: describeSyntaxError(text, error) }] };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      file,
      path: jsonPath(issue.path),
      message: issue.message,
    })),
  };
}

/** Node's message says what; people also need where, as a line and column. */
function describeSyntaxError(text: string, error: unknown): string {
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
