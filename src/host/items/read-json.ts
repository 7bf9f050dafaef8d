import type { z } from 'zod';
import type { PackageProblem } from '../../shared/items/problem';
import { parseJson } from '../../shared/json';

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; problems: PackageProblem[] };

/**
 * Parses one package file against its schema. Malformed JSON is reported with line and column; a
 * schema mismatch with the JSON path of every offending field. Never throws.
 */
export function parsePackageJson<S extends z.ZodType>(
  file: string,
  bytes: Buffer,
  schema: S,
): ParseOutcome<z.output<S>> {
  // Strict (no duplicate keys): a signed package file naming a member twice would be read two ways.
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseJson(schema, text, file);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return { ok: false, problems: parsed.error.issues.map((issue) => ({ file, ...issue })) };
}
