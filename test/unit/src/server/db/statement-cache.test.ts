/** The SQLite statement cache behind Kysely (src/server/db/statement-cache.ts), on a real database file. */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../../../src/server/db/statement-cache';

describe('withStatementCache', () => {
  let dir: string;
  let sqlite: BetterSqlite3.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lbt-statements-'));
    sqlite = new BetterSqlite3(join(dir, 'test.sqlite'));
    sqlite.exec('create table t (id integer primary key, name text)');
  });
  afterEach(() => {
    if (sqlite.open) sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same prepared statement for the same SQL, and a working one for new SQL', () => {
    const cached = withStatementCache(sqlite);
    const insert = cached.prepare('insert into t (name) values (?)');
    expect(cached.prepare('insert into t (name) values (?)')).toBe(insert);
    insert.run(['a']);
    insert.run(['b']);
    expect(cached.prepare('select name from t order by id').all([])).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cached = withStatementCache(sqlite, 2);
    const one = cached.prepare('select 1');
    const two = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(one); // now the most recent
    cached.prepare('select 3'); // evicts "select 2"
    expect(cached.prepare('select 1')).toBe(one);
    expect(cached.prepare('select 2')).not.toBe(two);
  });

  it('still answers correctly after a migration changed the table under a kept statement', () => {
    const cached = withStatementCache(sqlite);
    cached.prepare('insert into t (name) values (?)').run(['a']);
    const select = cached.prepare('select * from t');
    expect(select.all([])).toEqual([{ id: 1, name: 'a' }]);
    sqlite.exec("alter table t add column gemeente text not null default 'Utrecht'");
    expect(cached.prepare('select * from t').all([])).toEqual([{ id: 1, name: 'a', gemeente: 'Utrecht' }]);
  });

  it('closes the database', () => {
    withStatementCache(sqlite).close();
    expect(sqlite.open).toBe(false);
  });
});
