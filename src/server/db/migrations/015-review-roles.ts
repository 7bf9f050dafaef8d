/**
 * Two more review roles (issue 20, item 3): `privacy` (the gemeente's privacy officer) and `analist` (national,
 * no row-level access). The role column's CHECK from 002 lists the old three. PostgreSQL swaps the constraint;
 * SQLite cannot alter a CHECK, so the table is rebuilt the documented way (foreign keys off, copy, drop,
 * rename, foreign keys on); web_sessions keeps referring to `users` by name.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { isSqlite } from './is-sqlite';

const ROLES = `('viewer', 'consulent', 'beheerder', 'privacy', 'analist')`;

export const reviewRolesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    if (!isSqlite(db)) {
      await sql.raw(`alter table users drop constraint if exists users_role_check`).execute(db);
      await sql.raw(`alter table users add constraint users_role_check check (role in ${ROLES})`).execute(db);
      return;
    }
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await sql
        .raw(
          `create table users_new (
            user_id text primary key,
            username text not null unique,
            gemeente text not null,
            role text not null check (role in ${ROLES}),
            password_hash text not null,
            created_at text not null,
            failed_logins integer not null default 0,
            locked_until text,
            disabled_at text,
            must_change_password integer not null default 0)`,
        )
        .execute(db);
      await sql
        .raw(
          `insert into users_new (user_id, username, gemeente, role, password_hash, created_at, failed_logins,
             locked_until, disabled_at, must_change_password)
           select user_id, username, gemeente, role, password_hash, created_at, failed_logins, locked_until,
             disabled_at, must_change_password from users`,
        )
        .execute(db);
      await sql`drop table users`.execute(db);
      await sql`alter table users_new rename to users`.execute(db);
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
  },
};
