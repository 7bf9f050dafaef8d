/**
 * Managing review accounts: list, disable, delete, password reset and ending every session, for `lbt users …`
 * (no scope: the operator sees every gemeente) and for a beheerder in the dashboard (scoped to their gemeente;
 * another gemeente's account is answered like a missing one). Each change that takes access away deletes the
 * account's sessions in the same transaction, and `currentAuth` also refuses a disabled account, so an open
 * browser loses access on its very next request.
 */
import type { Kysely } from 'kysely';
import { formatIssues } from '../../shared/json';
import { NewPassword, Username, type UserSummary } from '../../shared/review';
import type { Database } from '../db/tables';
import { hashPassword } from './passwords';
import { UserError } from './users';

/** Limits an operation to one gemeente's accounts (the beheerder's); undefined for the CLI. */
export type UserScope = { gemeente: string } | undefined;

export interface ListedUser extends UserSummary {
  gemeente: string;
}

function usernameOf(input: string): string {
  const parsed = Username.safeParse(input);
  if (!parsed.success) throw new UserError(`There is no user ${input}.`, true);
  return parsed.data;
}

async function findUser(db: Kysely<Database>, input: string, scope: UserScope) {
  const username = usernameOf(input);
  let q = db.selectFrom('users').select(['user_id', 'username']).where('username', '=', username);
  if (scope) q = q.where('gemeente', '=', scope.gemeente);
  const user = await q.executeTakeFirst();
  if (!user) throw new UserError(`There is no user ${username}.`, true);
  return user;
}

export async function listUsers(db: Kysely<Database>, now: Date, scope: UserScope): Promise<ListedUser[]> {
  let q = db
    .selectFrom('users')
    .leftJoin('web_sessions as s', (join) =>
      join.onRef('s.user_id', '=', 'users.user_id').on('s.expires_at', '>', now.toISOString()),
    )
    .select((eb) => [
      'users.username',
      'users.gemeente',
      'users.role',
      'users.disabled_at',
      'users.must_change_password',
      'users.created_at',
      eb.fn.count<number | string>('s.session_hash').as('sessions'),
    ])
    .groupBy([
      'users.username',
      'users.gemeente',
      'users.role',
      'users.disabled_at',
      'users.must_change_password',
      'users.created_at',
    ])
    .orderBy('users.gemeente')
    .orderBy('users.username');
  if (scope) q = q.where('users.gemeente', '=', scope.gemeente);
  const rows = await q.execute();
  return rows.map((r) => ({
    username: r.username,
    gemeente: r.gemeente,
    role: r.role,
    disabled: r.disabled_at !== null,
    mustChangePassword: r.must_change_password === 1,
    sessions: Number(r.sessions),
    createdAt: r.created_at,
  }));
}

/** Ends every session of the account; answers how many were open. */
export async function revokeSessions(
  db: Kysely<Database>,
  username: string,
  scope: UserScope,
): Promise<number> {
  const user = await findUser(db, username, scope);
  const result = await db.deleteFrom('web_sessions').where('user_id', '=', user.user_id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function disableUser(
  db: Kysely<Database>,
  now: Date,
  username: string,
  scope: UserScope,
): Promise<void> {
  const user = await findUser(db, username, scope);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled_at: now.toISOString() })
      .where('user_id', '=', user.user_id)
      .where('disabled_at', 'is', null)
      .execute();
    await trx.deleteFrom('web_sessions').where('user_id', '=', user.user_id).execute();
  });
}

/** The account is gone; leerroutes it recorded keep its name in `recorded_by` (the record of who chose). */
export async function deleteUser(db: Kysely<Database>, username: string, scope: UserScope): Promise<void> {
  const user = await findUser(db, username, scope);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('web_sessions').where('user_id', '=', user.user_id).execute();
    await trx.deleteFrom('users').where('user_id', '=', user.user_id).execute();
  });
}

/**
 * Sets a temporary password that must be replaced at the next login, and ends every session: whoever held
 * the account before the reset is out.
 */
export async function resetPassword(
  db: Kysely<Database>,
  username: string,
  password: string,
  scope: UserScope,
): Promise<void> {
  const checked = NewPassword.safeParse(password);
  if (!checked.success) throw new UserError(`password: ${formatIssues(checked.error)}`);
  const user = await findUser(db, username, scope);
  const hash = await hashPassword(checked.data);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 1 })
      .where('user_id', '=', user.user_id)
      .execute();
    await trx.deleteFrom('web_sessions').where('user_id', '=', user.user_id).execute();
  });
}
