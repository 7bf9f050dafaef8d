/**
 * Option values of `lbt` commands, checked through zod like every other boundary: parseArgs gives strings, a
 * command's schema turns them into numbers. A refusal names the option, what it may be and what was given, and
 * the command exits 2 (bad arguments), as node:util parseArgs' own refusals do.
 */
import { z } from 'zod';

export interface CliIntegerRange {
  min: number;
  /** Default: the largest safe integer. */
  max?: number;
  /** What the option is, for the message; default "a whole number from min to max". */
  what?: string;
}

/** A whole number written as digits only, from min to max; `option` (`--port`) names it in the error. */
export function cliInteger(option: string, { min, max = Number.MAX_SAFE_INTEGER, what }: CliIntegerRange) {
  const message = (raw: unknown) =>
    `${option} must be ${what ?? `a whole number from ${min} to ${max}`}, not ${JSON.stringify(raw)}.`;
  return z
    .string({ error: (issue) => message(issue.input) })
    .refine((raw) => /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max, {
      error: (issue) => message(issue.input),
    })
    .transform(Number);
}

/**
 * Checks parseArgs' `values` against `shape` (option name -> schema); other options pass through untouched.
 * Null after printing every refusal: the command returns 2.
 */
export function checkCliValues<S extends z.ZodRawShape>(
  shape: S,
  values: Record<string, unknown>,
): z.output<z.ZodObject<S>> | null {
  const parsed = z.object(shape).safeParse(values);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) console.error(issue.message);
  return null;
}
