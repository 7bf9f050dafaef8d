import type { z } from 'zod';
import { CSRF_HEADER, type ReviewFilters } from '../../../src/shared/review';
import { Problem } from '../../../src/shared/results-service/problem';

const BASE = '/v1/review/';

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

/** Filters (and extra parameters) as a query string; empty values are left out. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function filterParams(
  filters: ReviewFilters,
  extra: Record<string, string | number | undefined> = {},
): Record<string, string | number | undefined> {
  return { ...filters, ...extra };
}

async function failure(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const problem = Problem.safeParse(body);
  if (problem.success) {
    return new ApiError(response.status, problem.data.code, problem.data.detail, problem.data.issues);
  }
  return new ApiError(response.status, 'unavailable', `De resultatenservice antwoordde ${response.status}.`);
}

async function request<T>(
  method: string,
  path: string,
  schema: z.ZodType<T> | null,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(BASE + path, {
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
    if (response.status === 401 && path !== 'login') onUnauthorized();
    throw error;
  }
  if (schema === null) return undefined as T;
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success)
    throw new ApiError(response.status, 'invalid', 'Onverwacht antwoord van de resultatenservice.');
  return parsed.data;
}

export const api = {
  get: <T>(path: string, schema: z.ZodType<T>) => request('GET', path, schema),
  post: <T>(path: string, schema: z.ZodType<T> | null, body?: unknown) =>
    request('POST', path, schema, body ?? {}),
  put: <T>(path: string, schema: z.ZodType<T>, body: unknown) => request('PUT', path, schema, body),
  delete: (path: string) => request('DELETE', path, null),
};

/** The address of a CSV export (a plain download link: the session cookie goes along). */
export function exportUrl(view: string, params: Record<string, string | number | undefined>): string {
  return `${BASE}export/${view}.csv${queryString(params)}`;
}
