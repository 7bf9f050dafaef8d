/**
 * What the service's own routes need beyond `ServerDeps`: the signing key, the packages it scores against and
 * the result writer. Kept apart from ServerDeps so code that only queries the database (the review dashboard,
 * the admin commands) does not have to provide them.
 */
import type { ServerSigningKey } from './crypto/server-key';
import type { ServerDeps } from './deps';
import type { ResultChecker } from './ingest/checker';
import type { ResultWriter } from './ingest/group-commit';
import type { PackageIndex } from './packages';

export interface RateLimitOptions {
  /** Requests per window per verified device (http/device-limit.ts). */
  max: number;
  timeWindowMs: number;
  /** Requests per window per client address, before any check (app.ts); default 10 x `max`. */
  perAddressMax?: number;
}

export interface ServiceDeps extends ServerDeps {
  serverKey: ServerSigningKey;
  packages: PackageIndex;
  /** Checks uploads, on the request thread or in check threads (ingest/checker.ts). */
  checker: ResultChecker;
  writer: ResultWriter;
  version: string;
  rateLimit: RateLimitOptions;
}
