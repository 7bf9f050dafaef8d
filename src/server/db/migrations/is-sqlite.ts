import { SqliteAdapter, type Kysely } from 'kysely';

/**
 * Whether a migration runs on SQLite (else PostgreSQL), where the two spell a statement differently. Asked of
 * Kysely, not of the database: a failing probe query would abort PostgreSQL's migration transaction.
 */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
