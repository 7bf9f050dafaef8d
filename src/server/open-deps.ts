/**
 * Opens the database (migrating it) and gives the plain `ServerDeps`: what the admin commands, the review
 * dashboard's tests and fixtures need without starting HTTP. `DATABASE_URL` picks PostgreSQL as in the service.
 */
import { openDatabase } from './db/open';
import type { ServerDeps } from './deps';

export interface OpenDepsOptions {
  dataDir: string;
  /** Default: process.env.DATABASE_URL; empty = SQLite. */
  databaseUrl?: string;
  now?: () => Date;
}

export interface OpenedDeps {
  deps: ServerDeps;
  close(): Promise<void>;
}

export async function openServerDeps(options: OpenDepsOptions): Promise<OpenedDeps> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? '';
  const opened = await openDatabase({ dataDir: options.dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  return {
    deps: {
      db: opened.db,
      dialect: opened.dialect,
      now: options.now ?? (() => new Date()),
      dataDir: options.dataDir,
    },
    close: () => opened.db.destroy(),
  };
}
