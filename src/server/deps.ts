/**
 * What every route of the results service is given. One instance per process; nothing in it is per-request
 * state, so several processes can serve one PostgreSQL database behind a load balancer.
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/tables';

export type Dialect = 'sqlite' | 'postgres';

export interface ServerDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Injected so tests can move time (certificate expiry, enrollment-code expiry, session expiry). */
  now: () => Date;
  /** The service's data directory (SQLite file, logs); also set when the database is PostgreSQL. */
  dataDir: string;
}
