/**
 * better-sqlite3 behind Kysely with its prepared statements kept. Kysely's SQLite driver prepares every query
 * anew, and for the service's hot path (the device lookup of every request, the batched INSERT of every group
 * commit) preparing cost about as much as running. The same SQL text always gets the same statement back; a
 * bounded least-recently-used map keeps one-off queries (the review's filtered views) from piling up.
 *
 * Safe because Kysely runs one query at a time on the single SQLite connection, and SQLite re-prepares a kept
 * statement by itself when a migration changes the schema under it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function withStatementCache(database: BetterSqlite3.Database, capacity = 512): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept) {
        // Re-inserting moves it to the young end of the map's insertion order.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
