/**
 * The review API of the results service (issue 9), used by renderer/review: every endpoint (name, method, path,
 * query/body and response schema) is in the table `reviewApi` (review-api.ts), all under `/v1/review/`. The
 * server registers its routes from that table and the dashboard calls them by name.
 */
export * from './auth';
export * from './distribution';
export * from './filters';
export * from './results';
export * from './query';
export * from './review-api';
export * from './audit';
export * from './privacy';
export * from './national';
export * from './calibration';
export * from './conduct';
export * from './cut-evidence';
