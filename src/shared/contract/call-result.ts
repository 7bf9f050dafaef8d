import { z } from 'zod';
import { issueLines } from '../json/issues';

/**
 * Every contract call answers with this envelope instead of throwing across the process boundary:
 * a rejected call is data the renderer can show, never a crash in either process.
 */
export const CallErrorCode = z.enum([
  'unknown_channel',
  'invalid_request',
  'invalid_response',
  'rejected',
  'unavailable',
  'internal',
]);
export type CallErrorCode = z.infer<typeof CallErrorCode>;

export const CallError = z.object({
  code: CallErrorCode,
  message: z.string(),
  /** Where the payload failed its schema: a JSON path and what was expected. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type CallError = z.infer<typeof CallError>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

export const CallResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: CallError }),
]);

export function fail(code: CallErrorCode, message: string, issues?: CallError['issues']): CallResult<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

/** Turns zod issues into `path: message` pairs that name the exact field (the one formatter, src/shared/json). */
export function describeIssues(error: z.ZodError): NonNullable<CallError['issues']> {
  return issueLines(error);
}
