/**
 * Creating review accounts (used by `lbt users create` and by tests). The password rules are the shared schema's,
 * so the CLI and any later admin page refuse the same things.
 */
import { randomUUID } from 'node:crypto';
import { formatIssues } from '../../shared/json';
import type { Kysely } from 'kysely';
import { Label } from '../../shared/session/event-parts';
import {
  NATIONAL_ACCOUNT_LABEL,
  NewPassword,
  ReviewRole,
  Username,
  type ReviewUser,
} from '../../shared/review';
import type { Database } from '../db/tables';
import { hashPassword } from './passwords';

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    /** The account does not exist (or is not in the asking beheerder's gemeente). */
    readonly notFound = false,
  ) {
    super(message);
  }
}

export interface NewUser {
  username: string;
  /** Required for every role but `analist`, which belongs to no gemeente and must not name one. */
  gemeente?: string | undefined;
  role: string;
  password: string;
}

export async function createUser(db: Kysely<Database>, now: Date, input: NewUser): Promise<ReviewUser> {
  const username = Username.safeParse(input.username);
  if (!username.success) throw new UserError(`--username: ${formatIssues(username.error)}`);
  const role = ReviewRole.safeParse(input.role);
  if (!role.success) throw new UserError(`--role: one of ${ReviewRole.options.join(', ')}`);
  const named = input.gemeente?.trim() ? input.gemeente : undefined;
  // The users table wants a gemeente (002, 015); an analist's is a fixed label that no beheerder manages.
  if (role.data === 'analist' && named !== undefined) {
    throw new UserError('--gemeente: an analist belongs to no gemeente; leave --gemeente out.');
  }
  if (role.data !== 'analist' && named === undefined) {
    throw new UserError(`--gemeente is required for the role ${role.data}.`);
  }
  const gemeente = Label.safeParse(named ?? NATIONAL_ACCOUNT_LABEL);
  if (!gemeente.success) throw new UserError(`--gemeente: ${formatIssues(gemeente.error)}`);
  const password = NewPassword.safeParse(input.password);
  if (!password.success) throw new UserError(`password: ${formatIssues(password.error)}`);

  const existing = await db
    .selectFrom('users')
    .select('user_id')
    .where('username', '=', username.data)
    .executeTakeFirst();
  if (existing) throw new UserError(`A user named ${username.data} already exists.`);
  await db
    .insertInto('users')
    .values({
      user_id: randomUUID(),
      username: username.data,
      gemeente: gemeente.data,
      role: role.data,
      password_hash: await hashPassword(password.data),
      created_at: now.toISOString(),
      failed_logins: 0,
      locked_until: null,
      // disabled_at and must_change_password keep their defaults (and this runs on databases before 009 too).
    })
    .execute();
  return { username: username.data, gemeente: gemeente.data, role: role.data };
}
