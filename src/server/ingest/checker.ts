/**
 * Where `POST /v1/results` gets its checks done: on the request's own thread (`inlineChecker`, the default for
 * tests and tools that start a service in-process), or in a pool of check threads (check-pool.ts, what
 * `lbt server` runs). Both run the same `checkResult` and refuse with the same ProblemErrors.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables';
import type { PackageIndex } from '../packages';
import { checkResult, type CheckedResult } from './check';

export interface ResultChecker {
  /** Resolves with the checked result or rejects with the refusal (a ProblemError) or a failure. */
  /** `parsed`: the value the strict body parser already made of `text` (a pool re-parses in its thread). */
  check(text: string, parsed?: unknown): Promise<CheckedResult>;
  close(): Promise<void>;
}

export function inlineChecker(db: Kysely<Database>, packages: PackageIndex): ResultChecker {
  return {
    check: (text, parsed) => checkResult(db, packages, text, parsed),
    close: async () => {},
  };
}
