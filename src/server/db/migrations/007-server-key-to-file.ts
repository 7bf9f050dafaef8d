/**
 * Moves the server's signing key out of the database (where versions before this one kept it, in
 * `server_keys`) into `<dataDir>/server-key.pem` (0600), then deletes it and drops the table: whoever can read
 * the database or a backup of it can no longer sign receipts or rosters. `meta.server-key` keeps the key id, so
 * kiosks' pinned key stays valid. On SQLite the freed pages are overwritten (secure_delete) and open.ts vacuums
 * after this migration, so the key's bytes leave the file too.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { join } from 'node:path';
import { privateKeyFromDer } from '../../crypto/ed25519';
import { pemOf, readServerKeyFile, SERVER_KEY_FILE } from '../../crypto/server-key';
import { PrivateFileError, writePrivateFileOnce } from '../../private-files';
import { isSqlite } from './is-sqlite';

export const SERVER_KEY_MIGRATION = '007-server-key-to-file';

interface OldKeyRow {
  key_id: string;
  private_key: string;
}

export function serverKeyToFileMigration(dataDir: string): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const any = db as Kysely<{ server_keys: OldKeyRow; meta: { key: string; value: string } }>;
      const current = await any
        .selectFrom('meta')
        .innerJoin('server_keys', 'server_keys.key_id', 'meta.value')
        .select(['server_keys.key_id', 'server_keys.private_key'])
        .where('meta.key', '=', 'server-key')
        .executeTakeFirst();
      if (current) {
        const file = join(dataDir, SERVER_KEY_FILE);
        const pem = pemOf(privateKeyFromDer(current.private_key));
        // A file already there (a rerun after a failure, or a copy the operator placed) must hold this very key.
        if (writePrivateFileOnce(file, pem) === 'exists' && pemOf(readServerKeyFile(file)!) !== pem) {
          throw new PrivateFileError(
            `${file} holds another key than the database's server key ${current.key_id}; move it aside and start again.`,
          );
        }
      }
      if (isSqlite(db)) await sql`PRAGMA secure_delete = ON`.execute(db);
      await any.deleteFrom('server_keys').execute();
      await db.schema.dropTable('server_keys').execute();
    },
  };
}
