/**
 * The review API of the results service (issue 9), used by renderer/review. All under `/v1/review/`, JSON
 * unless noted; errors are `application/problem+json` (src/shared/results-service/problem.ts). Every answer
 * concerns the logged-in user's gemeente only: another gemeente's result is a 404, never a 403.
 *
 *   GET  /v1/review/session                      -> SessionResponse (sets the pre-session CSRF cookie when logged out)
 *   POST /v1/review/login        LoginRequest    -> SessionResponse (sets the session cookie); 401 / 429
 *   POST /v1/review/logout                       -> 204
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
 * Every POST/PUT needs the `x-csrf-token` header (SessionResponse.csrfToken); requests without a session are 401.
 * The dashboard itself is served at `/review/` (and `/` redirects there).
 */
export * from './auth';
export * from './distribution';
export * from './filters';
export * from './results';
export * from './query';
