/**
 * Starts the results service: opens (and migrates) the database, loads or creates the server key (a 0600 file), archives the
 * given item packages and reads back every archived one, and listens.
 * Used by `lbt server`, the tests, the fault and fuzz suites and the benchmark, so all run the same service.
 */
import type { FastifyBaseLogger } from 'fastify';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { loadOrCreateServerKey } from './crypto/server-key';
import { openDatabase } from './db/open';
import type { ServerDeps } from './deps';
import { startCheckPool } from './ingest/check-pool';
import { inlineChecker, type ResultChecker } from './ingest/checker';
import { ResultWriter } from './ingest/group-commit';
import { knownPackages, type KnownPackages } from './package-archive';
import { indexPackages, type ScoringPackage } from './packages';
import { startExpirySweep } from './review/expiry-sweep';
import { startRetentionTimer } from './retention/run';
import type { RateLimitOptions, ServiceDeps } from './service-deps';

export interface StartOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1; a deployment behind a load balancer passes 0.0.0.0. */
  host?: string;
  /** Created 0700; holds the server key file (unless injected) and, without PostgreSQL, the SQLite files. */
  dataDir: string;
  /** The server's signing key as PKCS#8 PEM (`lbt server`: LBT_SERVER_KEY); unset or empty = `<dataDir>/server-key.pem`. */
  serverKeyPem?: string;
  /** PostgreSQL connection string (`lbt server`: DATABASE_URL); unset or empty = SQLite in dataDir. */
  databaseUrl?: string;
  /** Archived in the database; the service also scores against every package it was started with before. */
  packages: ScoringPackage[];
  now?: () => Date;
  /** pino level; 'silent' in tests. Default 'info'. */
  logLevel?: string;
  /** Default 600 requests per minute per device: a kiosk's backlog after days offline drains in seconds. */
  rateLimit?: RateLimitOptions;
  /**
   * Threads that check uploads (ingest/check-pool.ts). 0 (the default) checks on the request thread, which is
   * enough for tests and tools; `lbt server` uses one per core.
   */
  checkThreads?: number;
  /** The reverse proxy's addresses or CIDR blocks, trusted for X-Forwarded-For/-Proto; default none. */
  trustProxy?: readonly string[];
  /** How often expired review sessions and login failures are deleted (review/expiry-sweep.ts); default 5 min. */
  expirySweepMs?: number;
  /** How often the retention period is applied (retention/run.ts); default a day. */
  retentionMs?: number;
  /** Where log lines go; default standard output. */
  logStream?: NodeJS.WritableStream;
  /** How long one request may take to arrive in full (app.ts); default 60 s. */
  requestTimeoutMs?: number;
  /** The built review dashboard (`lbt server`: LBT_REVIEW_DIR); default the checkout's out/renderer/review. */
  reviewDir?: string;
}

export interface RunningService {
  url: string;
  port: number;
  deps: ServerDeps;
  /** The packages it scores against: given, archived earlier, and archived rows that did not read back. */
  packages: KnownPackages;
  close(): Promise<void>;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindowMs: 60_000 };

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function startResultsService(options: StartOptions): Promise<RunningService> {
  const now = options.now ?? (() => new Date());
  const databaseUrl = options.databaseUrl ?? '';
  const location = { dataDir: options.dataDir, ...(databaseUrl ? { databaseUrl } : {}) };
  const opened = await openDatabase(location);
  let checker: ResultChecker | undefined;
  // The app's logger, once there is an app: a check thread can only stop after the service started.
  let log: FastifyBaseLogger | undefined;
  try {
    const serverKey = await loadOrCreateServerKey(opened.db, {
      dataDir: options.dataDir,
      ...(options.serverKeyPem !== undefined ? { serverKeyPem: options.serverKeyPem } : {}),
    });
    const known = await knownPackages(opened.db, options.packages, now());
    const scoring = [...known.given, ...known.archived];
    const packages = indexPackages(scoring, known.damaged);
    checker = options.checkThreads
      ? await startCheckPool({
          threads: options.checkThreads,
          location,
          packages: scoring,
          damaged: known.damaged,
          onThreadExit: (detail) => log?.error({ detail }, 'a result check thread stopped; starting another'),
        })
      : inlineChecker(opened.db, packages);
    const deps: ServiceDeps = {
      db: opened.db,
      dialect: opened.dialect,
      now,
      dataDir: options.dataDir,
      serverKey,
      packages,
      checker,
      writer: new ResultWriter(opened.db, serverKey, now),
      version: readVersion(),
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    };
    const app = await buildApp(deps, {
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      ...(options.logStream ? { logStream: options.logStream } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.reviewDir ? { reviewDir: options.reviewDir } : {}),
    });
    log = app.log;
    for (const { packageHash, problem } of known.damaged) {
      app.log.error(
        { packageHash },
        `${problem} Results of it are refused (unknown-package) until the service is started with that package (lbt server --items DIR), which archives it again.`,
      );
    }
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const sweep = startExpirySweep({
      db: opened.db,
      now,
      ...(options.expirySweepMs ? { intervalMs: options.expirySweepMs } : {}),
      log: (error) => app.log.error({ err: error }, 'sweeping expired review rows failed'),
    });
    const retention = startRetentionTimer({
      db: opened.db,
      dialect: deps.dialect,
      now,
      ...(options.retentionMs ? { intervalMs: options.retentionMs } : {}),
      log: (error) => app.log.error({ err: error }, 'applying the retention period failed'),
    });
    const port = (app.server.address() as AddressInfo).port;
    const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      deps,
      packages: known,
      async close() {
        await sweep.stop();
        await retention.stop();
        await app.close();
        await deps.writer.flushed();
        await deps.checker.close();
        await opened.db.destroy();
      },
    };
  } catch (error) {
    await checker?.close();
    await opened.db.destroy();
    throw error;
  }
}
