/**
 * Environment variables are a boundary like any other: each process reads `process.env` once, at its start,
 * through its own zod schema (host.ts, server.ts, cli.ts), and hands typed config to the rest of its code. An
 * unknown value stops the process with one error naming every variable that is wrong and what it may be.
 */
import { z } from 'zod';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** An unset or empty variable is "not set": shells and launchers write `VAR=` to mean nothing. */
export function unsetIfEmpty<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema);
}

/** A variable that names one of a few words; the error names the variable and every allowed word. */
export function envEnum<const T extends readonly [string, ...string[]]>(name: string, values: T, why = '') {
  return z.enum(values, {
    error: (issue) =>
      `${name}=${JSON.stringify(issue.input)} is not allowed: use ${values.map((v) => JSON.stringify(v)).join(' or ')}${why}`,
  });
}

/** A whole number from min to max, written as digits only; `what` names it in the error. */
export function envInteger(name: string, min: number, max: number, why = '', what = 'a whole number') {
  const message = (raw: unknown) =>
    `${name}=${JSON.stringify(raw)} is not ${what} from ${min} to ${max}${why}`;
  return z
    .string({ error: (issue) => message(issue.input) })
    .refine((raw) => /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max, {
      error: (issue) => message(issue.input),
    })
    .transform(Number);
}

/** Parses `env` with a process's schema; refuses with every wrong variable, never only the first. */
export function readConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => issue.message).join('\n'));
}
