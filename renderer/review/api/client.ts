import {
  CSRF_HEADER,
  REVIEW_API_PREFIX,
  reviewApi,
  reviewPath,
  reviewQueryString,
  type ExportView,
  type ReviewBodyInput,
  type ReviewEndpointName,
  type ReviewParams,
  type ReviewQueryInput,
  type ReviewResponse,
} from '../../../src/shared/review';
import { Problem } from '../../../src/shared/results-service/problem';

/** A refusal or failure of the review API, with the service's Dutch-or-English detail and its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

/** The CSRF token of the current (pre-)session; every POST/PUT must send it back. */
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when any request answers 401: the session ended (expired or logged out elsewhere). */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Empty = Record<never, never>;
type ParamsPart<N extends ReviewEndpointName> = keyof ReviewParams<N> extends never
  ? Empty
  : { params: ReviewParams<N> };
type QueryPart<N extends ReviewEndpointName> =
  ReviewQueryInput<N> extends undefined
    ? Empty
    : Empty extends ReviewQueryInput<N>
      ? { query?: ReviewQueryInput<N> }
      : { query: ReviewQueryInput<N> };
type BodyPart<N extends ReviewEndpointName> =
  ReviewBodyInput<N> extends undefined ? Empty : { body: ReviewBodyInput<N> };

/** What a call by name takes: its path parameters, query and body, as the API table defines them. */
export type CallInput<N extends ReviewEndpointName> = ParamsPart<N> & QueryPart<N> & BodyPart<N>;
export type CallArgs<N extends ReviewEndpointName> =
  Empty extends CallInput<N> ? [input?: CallInput<N>] : [input: CallInput<N>];

interface AnyInput {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** The address of an endpoint with its parameters and query (empty values left out). Also a stable cache key. */
export function reviewUrl<N extends ReviewEndpointName>(name: N, ...[input]: CallArgs<N>): string {
  const { params, query } = (input ?? {}) as AnyInput;
  return REVIEW_API_PREFIX + reviewPath(name, params) + reviewQueryString(query);
}

/** The address of a CSV export (a plain download link: the session cookie goes along). */
export function exportUrl(view: ExportView, query: ReviewQueryInput<'export'>): string {
  return reviewUrl('export', { params: { file: `${view}.csv` }, query });
}

async function failure(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const problem = Problem.safeParse(body);
  if (problem.success) {
    return new ApiError(response.status, problem.data.code, problem.data.detail, problem.data.issues);
  }
  return new ApiError(response.status, 'unavailable', `De resultatenservice antwoordde ${response.status}.`);
}

/**
 * Calls a review endpoint by its name in the API table: method and path from the table, the CSRF token on
 * every write, and the answer parsed with the table's response schema (204: nothing; CSV: the text).
 */
export async function call<N extends ReviewEndpointName>(
  name: N,
  ...args: CallArgs<N>
): Promise<ReviewResponse<N>> {
  const spec = reviewApi[name];
  const method: string = spec.method;
  const input = (args[0] ?? {}) as AnyInput;
  // A POST without a body still sends `{}`: the service's JSON parser wants one with the content type.
  const body = input.body ?? (method === 'POST' || method === 'PUT' ? {} : undefined);
  let response: Response;
  try {
    response = await fetch(reviewUrl(name, ...args), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(method === 'GET' ? {} : { [CSRF_HEADER]: csrfToken }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'unavailable', 'De resultatenservice is niet bereikbaar.');
  }
  if (!response.ok) {
    const error = await failure(response);
    if (response.status === 401 && name !== 'login') onUnauthorized();
    throw error;
  }
  const expected: {
    kind: string;
    schema?: { safeParse(value: unknown): { success: boolean; data?: unknown } };
  } = spec.response;
  if (expected.kind === 'no-content') return undefined as ReviewResponse<N>;
  if (expected.kind === 'csv') return (await response.text()) as ReviewResponse<N>;
  const parsed = expected.schema!.safeParse(await response.json());
  if (!parsed.success)
    throw new ApiError(response.status, 'invalid', 'Onverwacht antwoord van de resultatenservice.');
  return parsed.data as ReviewResponse<N>;
}
