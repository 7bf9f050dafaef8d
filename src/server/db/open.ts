/**
 * Opens the service's database: PostgreSQL when a URL is given (`DATABASE_URL`), else an SQLite file in the data
 * directory. Both go through Kysely, so every query is written once. Migrations run before anything is served.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../deps';
import { createPrivateFileIfAbsent, preparePrivateDir, refuseLooseFile } from '../private-files';
import { migrationProvider, SERVER_KEY_MIGRATION } from './migrations';
import { withStatementCache } from './statement-cache';
import type { Database } from './tables';

export const SQLITE_FILE = 'results.sqlite';

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite file, or null on PostgreSQL. */
  file: string | null;
}

export interface DatabaseLocation {
  dataDir: string;
  databaseUrl?: string;
}

export async function openDatabase(options: DatabaseLocation): Promise<OpenedDatabase> {
  // The data dir holds the signing key (PostgreSQL too) and, on SQLite, every result: owner-only, or no start.
  preparePrivateDir(options.dataDir);
  if (!options.databaseUrl) {
    const file = join(options.dataDir, SQLITE_FILE);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) refuseLooseFile(path, 'database file');
  }
  const opened = connectDatabase(options);
  try {
    const ran = await migrate(opened.db, options.dataDir);
    if (opened.dialect === 'sqlite' && ran.includes(SERVER_KEY_MIGRATION)) {
      // The key's old pages may survive in free pages and in the WAL: rewrite the file and empty the WAL.
      await sql`VACUUM`.execute(opened.db);
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(opened.db);
    }
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  return opened;
}

/**
 * A further connection to a database that `openDatabase` has already migrated (the check threads' own
 * connections): no migration, and on PostgreSQL a pool of `poolSize` connections.
 */
export function connectDatabase(options: DatabaseLocation, poolSize = 10): OpenedDatabase {
  return options.databaseUrl ? openPostgres(options.databaseUrl, poolSize) : openSqlite(options.dataDir);
}

function openSqlite(dataDir: string): OpenedDatabase {
  const file = join(dataDir, SQLITE_FILE);
  // SQLite gives -wal and -shm the main file's mode, so creating that one 0600 covers all three.
  createPrivateFileIfAbsent(file);
  const sqlite = new BetterSqlite3(file);
  // WAL: readers never block the writer. synchronous=FULL: a commit is fsynced before it returns, so a receipt
  // (given only after the commit) always means "on disk"; the group commit in ingest/ pays that fsync once per
  // batch instead of once per result. busy_timeout: the CLI may write (enroll, afnemers) while a server runs.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    dialect: 'sqlite',
    file,
  };
}

function openPostgres(connectionString: string, poolSize: number): OpenedDatabase {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection must not crash the process; the next query reports the failure.
  pool.on('error', () => {});
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
    file: null,
  };
}

/** Runs what is missing; returns the names of the migrations that ran now. */
async function migrate(db: Kysely<Database>, dataDir: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider(dataDir) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
