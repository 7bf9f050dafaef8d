import type { z } from 'zod';
import {
  ChangePasswordRequest,
  LoginRequest,
  ResetPasswordRequest,
  RevokeSessionsResponse,
  SessionResponse,
  UserListResponse,
} from './auth';
import {
  ConditionsResponse,
  DistributionResponse,
  ReliabilityResponse,
  WhatIfResponse,
} from './distribution';
import { AuditLogResponse, AuditQuery } from './audit';
import {
  CalibrationListResponse,
  CalibrationResponse,
  CalibrationSummary,
  RunCalibrationRequest,
} from './calibration';
import { ConductQuery, ConductResponse, ReferenceFormResponse } from './conduct';
import { CutEvidenceResponse } from './cut-evidence';
import { FilterOptions, ReviewFilters } from './filters';
import { NationalConditions, NationalDistribution, NationalOptions, NationalQuery } from './national';
import {
  EraseSubjectRequest,
  EraseSubjectResponse,
  RetentionRunResponse,
  RetentionSettings,
  SetRetentionRequest,
  SubjectExport,
} from './privacy';
import { ConditionsQuery, DistributionQuery, ExportQuery, ResultListQuery, WhatIfQuery } from './query';
import { LeerrouteRecord, RecordLeerrouteRequest, ResultListResponse, ResultSheet } from './results';

/** Every review endpoint lives under this prefix; table paths are relative to it. */
export const REVIEW_API_PREFIX = '/v1/review/';

/** What an endpoint answers on success: JSON checked against a schema, 204 without a body, or a CSV download. */
export type ReviewResponseSpec =
  { kind: 'json'; schema: z.ZodType } | { kind: 'no-content' } | { kind: 'csv' };

const json = <S extends z.ZodType>(schema: S) => ({ kind: 'json', schema }) as const;
const noContent = { kind: 'no-content' } as const;
const csv = { kind: 'csv' } as const;

export type ReviewMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ReviewEndpointSpec {
  method: ReviewMethod;
  /** Relative to REVIEW_API_PREFIX; `:name` segments are path parameters (strings). */
  path: string;
  /** The query string's schema (values arrive as text: numbers are coerced). */
  query?: z.ZodType;
  /** The JSON body's schema (POST/PUT). */
  body?: z.ZodType;
  response: ReviewResponseSpec;
}

/**
 * The review HTTP API (issue 9) as one table: endpoint name -> method, path, query/body and response schema.
 * The results service registers exactly these routes (src/server/review/api-routes.ts validates query and body
 * with these schemas, and the answers); the dashboard calls them by name (renderer/review/api/client.ts), so
 * neither side spells a path. Errors are `application/problem+json` (src/shared/results-service/problem.ts).
 * Every answer concerns the logged-in user's gemeente only: another gemeente's result is a 404, never a 403.
 *
 * A session with `mustChangePassword` gets 403 everywhere but `changePassword` and `logout`. Every
 * POST/PUT/DELETE needs the `x-csrf-token` header (SessionResponse.csrfToken); requests without a session are
 * 401 (but `session` and `login`). The dashboard itself is served at `/review/` (and `/` redirects there).
 */
export const reviewApi = {
  /** Who is logged in; sets the pre-session CSRF cookie when nobody is. */
  session: { method: 'GET', path: 'session', response: json(SessionResponse) },
  /** Sets the session cookie; 401 wrong username or password, 429 too many attempts. */
  login: { method: 'POST', path: 'login', body: LoginRequest, response: json(SessionResponse) },
  logout: { method: 'POST', path: 'logout', response: noContent },
  /** 422 when the current password is wrong; ends the user's other sessions. */
  changePassword: {
    method: 'POST',
    path: 'password',
    body: ChangePasswordRequest,
    response: json(SessionResponse),
  },
  /** Beheerder: the accounts of their own gemeente. */
  listUsers: { method: 'GET', path: 'users', response: json(UserListResponse) },
  /** Beheerder; ends the account's sessions. */
  disableUser: { method: 'POST', path: 'users/:username/disable', response: noContent },
  deleteUser: { method: 'DELETE', path: 'users/:username', response: noContent },
  resetPassword: {
    method: 'POST',
    path: 'users/:username/reset-password',
    body: ResetPasswordRequest,
    response: noContent,
  },
  revokeSessions: {
    method: 'POST',
    path: 'users/:username/revoke-sessions',
    response: json(RevokeSessionsResponse),
  },
  filterOptions: { method: 'GET', path: 'filter-options', response: json(FilterOptions) },
  distribution: {
    method: 'GET',
    path: 'distribution',
    query: DistributionQuery,
    response: json(DistributionResponse),
  },
  whatIf: { method: 'GET', path: 'what-if', query: WhatIfQuery, response: json(WhatIfResponse) },
  /**
   * The distribution's twijfelzone in plain Dutch: per score in it, how likely a candidate with that score
   * belongs at or above the cesuur, from the calibration of the newest result's package (issue 19).
   */
  twijfelzone: {
    method: 'GET',
    path: 'twijfelzone',
    query: DistributionQuery,
    response: json(CutEvidenceResponse),
  },
  conditions: {
    method: 'GET',
    path: 'conditions',
    query: ConditionsQuery,
    response: json(ConditionsResponse),
  },
  /** Sittings that did not end normally, per afnemer or location (result roles). */
  conduct: { method: 'GET', path: 'conduct', query: ConductQuery, response: json(ConductResponse) },
  /** Beheerder: the gemeente's candidate reference form (set with `lbt gemeente reference-form set`). */
  referenceForm: { method: 'GET', path: 'reference-form', response: json(ReferenceFormResponse) },
  /** Item statistics for a beheerder only. */
  reliability: {
    method: 'GET',
    path: 'reliability',
    query: ReviewFilters,
    response: json(ReliabilityResponse),
  },
  results: { method: 'GET', path: 'results', query: ResultListQuery, response: json(ResultListResponse) },
  /** 404 when the result is not in the user's gemeente. */
  resultSheet: { method: 'GET', path: 'results/:id', response: json(ResultSheet) },
  /** 403 for a viewer; 422 when a deviating route lacks its reason. */
  recordLeerroute: {
    method: 'PUT',
    path: 'results/:id/leerroute',
    body: RecordLeerrouteRequest,
    response: json(LeerrouteRecord),
  },
  /**
   * A CSV download; `file` is `<ExportView>.csv` (distribution, conform, what-if, conditions, results), anything
   * else is a 404. `what-if.csv` needs `cesuur`.
   */
  export: { method: 'GET', path: 'export/:file', query: ExportQuery, response: csv },
  /** Privacy officer: the audit log of their gemeente, newest first. Reading it is itself logged. */
  auditLog: { method: 'GET', path: 'audit', query: AuditQuery, response: json(AuditLogResponse) },
  /** Privacy officer: the whole audit log of their gemeente as CSV, with both hashes per entry. */
  auditExport: { method: 'GET', path: 'audit/export.csv', response: csv },
  /** Privacy officer: the gemeente's retention period and how many results are past it. */
  retention: { method: 'GET', path: 'retention', response: json(RetentionSettings) },
  setRetention: {
    method: 'PUT',
    path: 'retention',
    body: SetRetentionRequest,
    response: json(RetentionSettings),
  },
  /** Privacy officer: apply the period now (the service also does so daily). */
  runRetention: { method: 'POST', path: 'retention/run', response: json(RetentionRunResponse) },
  /** Privacy officer: a data-subject export; 404 when nothing is held about the reference. */
  subjectExport: { method: 'GET', path: 'subjects/:ref', response: json(SubjectExport) },
  /** Privacy officer: erase a candidate's results and leerroutes; 422 when `confirm` differs from the path. */
  eraseSubject: {
    method: 'POST',
    path: 'subjects/:ref/erase',
    body: EraseSubjectRequest,
    response: json(EraseSubjectResponse),
  },
  /**
   * Analist only (403 for every other role), paths under NATIONAL_PATH: aggregates over gemeenten with every
   * count under 10 suppressed (national.ts). Each read is logged.
   */
  nationalOptions: { method: 'GET', path: 'national/options', response: json(NationalOptions) },
  nationalDistribution: {
    method: 'GET',
    path: 'national/distribution',
    query: NationalQuery,
    response: json(NationalDistribution),
  },
  nationalConditions: {
    method: 'GET',
    path: 'national/conditions',
    query: NationalQuery,
    response: json(NationalConditions),
  },
  /** Beheerder: the package versions with results and their stored calibrations (issue 19). */
  calibrations: { method: 'GET', path: 'calibrations', response: json(CalibrationListResponse) },
  /** Beheerder: one stored calibration, verified; 409 `bad-signature` when it no longer matches its signature. */
  calibration: { method: 'GET', path: 'calibrations/:id', response: json(CalibrationResponse) },
  /** Beheerder: calibrate a package version now and store the signed report; 422 when the data do not allow it. */
  runCalibration: {
    method: 'POST',
    path: 'calibrations',
    body: RunCalibrationRequest,
    response: json(CalibrationSummary),
  },
} as const satisfies Record<string, ReviewEndpointSpec>;

/** The national endpoints' paths start with this (relative to REVIEW_API_PREFIX); no other endpoint's does. */
export const NATIONAL_PATH = 'national/';

export type ReviewApi = typeof reviewApi;
export type ReviewEndpointName = keyof ReviewApi;
export const reviewEndpointNames = Object.keys(reviewApi) as ReviewEndpointName[];

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The path parameters of an endpoint, e.g. `{ id: string }` for `results/:id`. */
export type ReviewParams<N extends ReviewEndpointName> = { [K in ParamNames<ReviewApi[N]['path']>]: string };

type SchemaOf<N extends ReviewEndpointName, Part extends 'query' | 'body'> = ReviewApi[N] extends {
  [K in Part]: infer S extends z.ZodType;
}
  ? S
  : undefined;

/** The validated query (server side); `undefined` for an endpoint without one. */
export type ReviewQuery<N extends ReviewEndpointName> =
  SchemaOf<N, 'query'> extends z.ZodType ? z.output<SchemaOf<N, 'query'>> : undefined;

/**
 * The query a caller sends: the parsed shape, with every key that has a default (or is optional) optional.
 * Values are written as text; empty ones are left out.
 */
export type ReviewQueryInput<N extends ReviewEndpointName> =
  SchemaOf<N, 'query'> extends z.ZodType
    ? {
        [
          K in keyof z.output<SchemaOf<N, 'query'>> as K extends OptionalInputKeys<SchemaOf<N, 'query'>>
            ? never
            : K
        ]: z.output<SchemaOf<N, 'query'>>[K];
      } & {
        [
          K in keyof z.output<SchemaOf<N, 'query'>> as K extends OptionalInputKeys<SchemaOf<N, 'query'>>
            ? K
            : never
        ]?: z.output<SchemaOf<N, 'query'>>[K] | undefined;
      }
    : undefined;

type OptionalInputKeys<S extends z.ZodType> = {
  [K in keyof z.input<S>]-?: Record<never, never> extends Pick<z.input<S>, K> ? K : never;
}[keyof z.input<S>];

/** The validated body (server side) and what a caller sends; `undefined` for an endpoint without one. */
export type ReviewBody<N extends ReviewEndpointName> =
  SchemaOf<N, 'body'> extends z.ZodType ? z.output<SchemaOf<N, 'body'>> : undefined;
export type ReviewBodyInput<N extends ReviewEndpointName> =
  SchemaOf<N, 'body'> extends z.ZodType ? z.input<SchemaOf<N, 'body'>> : undefined;

/** A JSON endpoint's answer; `undefined` for 204; the text for a CSV download. */
export type ReviewResponse<N extends ReviewEndpointName> = ReviewApi[N]['response'] extends {
  kind: 'json';
  schema: infer S extends z.ZodType;
}
  ? z.output<S>
  : ReviewApi[N]['response'] extends { kind: 'csv' }
    ? string
    : undefined;

/** `results/:id` with `{ id }` -> `results/<id>` (each value URI-encoded), relative to REVIEW_API_PREFIX. */
export function reviewPath(name: ReviewEndpointName, params: Record<string, string> = {}): string {
  return reviewApi[name].path.replace(/:([A-Za-z]+)/g, (_match, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${name}: missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}

/** `POST /v1/review/password`: how an endpoint is named in a message for a person or a log. */
export function reviewAddress(name: ReviewEndpointName): string {
  return `${reviewApi[name].method} ${REVIEW_API_PREFIX}${reviewApi[name].path}`;
}

/** The query as a `?a=b` string (or ''); undefined and empty values are left out. */
export function reviewQueryString(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
