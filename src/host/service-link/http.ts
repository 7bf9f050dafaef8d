/**
 * One HTTP exchange with the results service, reduced to what the callers act on: a status and a parsed
 * JSON body, or the reason there was no answer. Never throws: a network failure is an outcome, because the
 * outbox must decide what to do with every possible failure rather than let one escape.
 */
import { Problem } from '../../shared/results-service';
import { parseStrictJson } from '../../shared/json';

export type HttpOutcome =
  | { kind: 'answer'; status: number; body: unknown; problem: Problem | null }
  | { kind: 'timeout'; detail: string }
  | { kind: 'network'; detail: string };

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** The transport: global fetch by default, injectable so a test can count or hold requests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export async function exchange(request: HttpRequest, fetchImpl: FetchLike = fetch): Promise<HttpOutcome> {
  const controller = new AbortController();
  // The timeout covers the whole exchange, body included: a service that sends headers and then stalls is
  // as unavailable as one that never answers.
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...request.headers,
      },
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: controller.signal,
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      // Strict: receipts and rosters are signed; a repeated name leaves the text, which no schema accepts.
      body = text ? parseStrictJson(text) : null;
    } catch {
      body = text;
    }
    const problem = response.status >= 400 ? Problem.safeParse(body) : null;
    return { kind: 'answer', status: response.status, body, problem: problem?.success ? problem.data : null };
  } catch (error) {
    if (controller.signal.aborted)
      return { kind: 'timeout', detail: `no answer within ${request.timeoutMs} ms` };
    return { kind: 'network', detail: describeNetworkError(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** fetch hides the socket error in `cause` (ECONNREFUSED, ECONNRESET, …); the log wants that code. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
