/**
 * Opens the database (migrating it) and gives the plain `ServerDeps`: what the admin commands, the review
 * dashboard's tests and fixtures need without starting HTTP. `databaseUrl` picks PostgreSQL as in the service.
 */
import { openDatabase } from './db/open';
import type { ServerDeps } from './deps';

export interface OpenDepsOptions {
  dataDir: string;
  /** The CLI's DATABASE_URL; unset or empty = SQLite in dataDir. */
  databaseUrl?: string;
  now?: () => Date;
}

export interface OpenedDeps {
  deps: ServerDeps;
  close(): Promise<void>;
}

export async function openServerDeps(options: OpenDepsOptions): Promise<OpenedDeps> {
  const databaseUrl = options.databaseUrl ?? '';
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
