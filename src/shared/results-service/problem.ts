import { z } from 'zod';

/**
 * Every error the results service answers is an RFC 9457 problem document (`application/problem+json`).
 * `code` is ours and stable, so the outbox and the CLI can act on it without parsing the English `detail`.
 */
export const ProblemCode = z.enum([
  'bad-json',
  'too-large',
  'unsupported-media-type',
  'invalid',
  'bad-signature',
  'unknown-device',
  'revoked-device',
  'unknown-package',
  /** A demonstration sitting (`demo: true`): never stored, so it can enter no statistic (docs/OPERATIONS.md). */
  'demo-result',
  'conflict',
  'bad-enrollment-code',
  'unauthorized',
  'forbidden',
  'not-found',
  'rate-limited',
  'timeout',
  'unavailable',
  'internal',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    code: ProblemCode,
    /** For `invalid`: where the body was wrong, as `$.path: message` lines. */
    issues: z.array(z.string()).optional(),
    instance: z.string().optional(),
  })
  .loose();
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
