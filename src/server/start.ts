/**
 * Starts the results service: opens (and migrates) the database, loads or creates the server key, and listens.
 * Used by `lbt server`, the tests, the fault and fuzz suites and the benchmark, so all run the same service.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { loadOrCreateServerKey } from './crypto/server-key';
import { openDatabase } from './db/open';
import type { ServerDeps } from './deps';
import { ResultWriter } from './ingest/group-commit';
import { indexPackages, type ScoringPackage } from './packages';
import type { RateLimitOptions, ServiceDeps } from './service-deps';

export interface StartOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1; a deployment behind a load balancer passes 0.0.0.0. */
  host?: string;
  dataDir: string;
  /** PostgreSQL connection string; default process.env.DATABASE_URL; empty = SQLite in dataDir. */
  databaseUrl?: string;
  packages: ScoringPackage[];
  now?: () => Date;
  /** pino level; 'silent' in tests. Default 'info'. */
  logLevel?: string;
  /** Default 600 requests per minute per device: a kiosk's backlog after days offline drains in seconds. */
  rateLimit?: RateLimitOptions;
}

export interface RunningService {
  url: string;
  port: number;
  deps: ServerDeps;
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
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? '';
  const opened = await openDatabase({ dataDir: options.dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    const serverKey = await loadOrCreateServerKey(opened.db, now());
    const deps: ServiceDeps = {
      db: opened.db,
      dialect: opened.dialect,
      now,
      dataDir: options.dataDir,
      serverKey,
      packages: indexPackages(options.packages),
      writer: new ResultWriter(opened.db, serverKey, now),
      version: readVersion(),
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    };
    const app = await buildApp(deps, options.logLevel ? { logLevel: options.logLevel } : {});
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      deps,
      async close() {
        await app.close();
        await deps.writer.flushed();
        await opened.db.destroy();
      },
    };
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
}
