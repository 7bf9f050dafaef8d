/**
 * The migration tests' starting point: a database (SQLite in a temp data dir, or a fresh PostgreSQL) migrated up
 * to a given migration only, holding one kiosk enrolled for Utrecht, so rows can be written in the shape of that
 * time before the migration under test runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from '../../src/server/db/migrations';
import { connectDatabase } from '../../src/server/db/open';
import type { Database } from '../../src/server/db/tables';
import { freshPostgresDatabase } from './postgres';
import type { DbKind } from './server-harness';

export const OLD_KIOSK = 'lbt-dev-0000000000000001';

export interface OldDatabase {
  db: Kysely<Database>;
  migrator: Migrator;
  dataDir: string;
  close(): Promise<void>;
}

export async function databaseAt(kind: DbKind, migration: string): Promise<OldDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `lbt-before-${migration}-`));
  const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : undefined;
  const { db } = connectDatabase({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) }, 1);
  const close = async () => {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const migrator = new Migrator({ db, provider: migrationProvider(dataDir) });
    const { error } = await migrator.migrateTo(migration);
    if (error) throw error;
    await db
      .insertInto('devices')
      .values({
        device_id: OLD_KIOSK,
        key_id: 'k1',
        public_key: 'x',
        gemeente: 'Utrecht',
        label: 'kiosk',
        enrolled_at: '2026-05-01T10:00:00.000Z',
        revoked_at: null,
      })
      .execute();
    return { db, migrator, dataDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}
