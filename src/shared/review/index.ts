/**
 * The review API of the results service (issue 9), used by renderer/review. All under `/v1/review/`, JSON
 * unless noted; errors are `application/problem+json` (src/shared/results-service/problem.ts). Every answer
 * concerns the logged-in user's gemeente only: another gemeente's result is a 404, never a 403.
 *
 *   GET  /v1/review/session                      -> SessionResponse (sets the pre-session CSRF cookie when logged out)
 *   POST /v1/review/login        LoginRequest    -> SessionResponse (sets the session cookie); 401 / 429
 *   POST /v1/review/logout                       -> 204
 *   POST /v1/review/password     ChangePasswordRequest -> SessionResponse; 422 wrong current password
 *   GET  /v1/review/users                        -> UserListResponse (beheerder; own gemeente)
 *   POST /v1/review/users/:username/disable      -> 204 (beheerder; ends its sessions)
 *   DELETE /v1/review/users/:username            -> 204 (beheerder)
 *   POST /v1/review/users/:username/reset-password  ResetPasswordRequest -> 204 (beheerder)
 *   POST /v1/review/users/:username/revoke-sessions -> RevokeSessionsResponse (beheerder)
 *   GET  /v1/review/filter-options               -> FilterOptions
 *   GET  /v1/review/distribution  ?ReviewFilters&cesuur?     -> DistributionResponse
 *   GET  /v1/review/what-if       ?ReviewFilters&cesuur      -> WhatIfResponse
 *   GET  /v1/review/conditions    ?ReviewFilters&minGroup?   -> ConditionsResponse
 *   GET  /v1/review/reliability   ?ReviewFilters             -> ReliabilityResponse (item statistics: beheerder)
 *   GET  /v1/review/results       ?ReviewFilters&limit&offset -> ResultListResponse
 *   GET  /v1/review/results/:id                  -> ResultSheet; 404 when not in the user's gemeente
 *   PUT  /v1/review/results/:id/leerroute  RecordLeerrouteRequest -> LeerrouteRecord; 403 viewer; 422 missing reason
 *   GET  /v1/review/export/:view.csv ?ReviewFilters[&cesuur] -> text/csv; view = distribution | conform | what-if |
 *                                                             conditions | results
 *
 * A session with `mustChangePassword` gets 403 everywhere but /password and /logout.
 * Every POST/PUT/DELETE needs the `x-csrf-token` header (SessionResponse.csrfToken); requests without a session are 401.
 * The dashboard itself is served at `/review/` (and `/` redirects there).
 */
export * from './auth';
export * from './distribution';
export * from './filters';
export * from './results';
export * from './query';
