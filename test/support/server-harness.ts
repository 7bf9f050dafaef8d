/**
 * Starts the real results service for a test: real HTTP on 127.0.0.1, a real SQLite file in a fresh temp dir,
 * or a fresh database on the shared test PostgreSQL. Every suite runs once per database kind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScoringPackage } from '../../src/server/packages';
import type { RateLimitOptions } from '../../src/server/service-deps';
import { startResultsService, type RunningService } from '../../src/server/start';
import { freshPostgresDatabase, postgresUnavailable } from './postgres';
import { testPackage } from './results-service';

export type DbKind = 'sqlite' | 'postgres';

const pgMissing = postgresUnavailable();
if (pgMissing) {
  console.warn(`SKIPPED: the PostgreSQL variant of the results-service tests: ${pgMissing}.`);
}

/** The database kinds to run against; PostgreSQL only when it can run here (the skip is printed above). */
export const DB_KINDS: DbKind[] = pgMissing ? ['sqlite'] : ['sqlite', 'postgres'];

/**
 * Ingest runs once per database kind with checks on the request thread, and once more per kind through the
 * check-thread pool that `lbt server` uses (each thread with its own database connection).
 */
export const INGEST_SETUPS: [DbKind, number][] = DB_KINDS.flatMap((kind): [DbKind, number][] => [
  [kind, 0],
  [kind, 2],
]);

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current = new Date('2026-03-02T10:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestService extends RunningService {
  clock: TestClock;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestService(
  kind: DbKind,
  options: {
    rateLimit?: RateLimitOptions;
    clock?: TestClock;
    dataDir?: string;
    databaseUrl?: string;
    /** 0 (default): checks on the request thread; more: the check-thread pool `lbt server` runs. */
    checkThreads?: number;
    /** The reverse proxy's addresses (`lbt server --trust-proxy`); default none. */
    trustProxy?: readonly string[];
    /** How often the service deletes expired review rows by itself; default 5 minutes. */
    expirySweepMs?: number;
    /** Collect the service's log lines here (at level info); default none are written. */
    logStream?: NodeJS.WritableStream;
    /** The item packages it is started with (`lbt server --items`); default the mini package. */
    packages?: ScoringPackage[];
    /** How long one request may take to arrive in full; default the service's (60 s). */
    requestTimeoutMs?: number;
  } = {},
): Promise<TestService> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lbt-server-test-'));
  const clock = options.clock ?? new TestClock();
  const databaseUrl = kind === 'postgres' ? (options.databaseUrl ?? (await freshPostgresDatabase())) : '';
  const service = await startResultsService({
    dataDir,
    databaseUrl,
    packages: options.packages ?? [testPackage],
    now: clock.now,
    logLevel: options.logStream ? 'info' : 'silent',
    ...(options.logStream ? { logStream: options.logStream } : {}),
    rateLimit: options.rateLimit ?? { max: 100_000, timeWindowMs: 60_000 },
    checkThreads: options.checkThreads ?? 0,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.expirySweepMs ? { expirySweepMs: options.expirySweepMs } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });
  return {
    ...service,
    clock,
    dataDir,
    async stop() {
      await service.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function countResults(service: RunningService): Promise<number> {
  const row = await service.deps.db
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
