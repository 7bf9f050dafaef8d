/**
 * Account management in the dashboard: changing one's own password (the only thing a session may do after a
 * reset), and for a beheerder the accounts of their gemeente (list, disable, delete, reset password, end all
 * sessions). The operations live in user-admin.ts, shared with `lbt users …`.
 */
import type { FastifyRequest } from 'fastify';
import type { RevokeSessionsResponse, SessionResponse, UserListResponse } from '../../shared/review';
import type { ServerDeps } from '../deps';
import { ProblemError } from '../http/problem';
import { route, type ReviewRoutes } from './api-routes';
import { hashPassword, verifyPassword } from './passwords';
import { appendInTransaction } from '../audit/append';
import { logAccess } from './audit-trail';
import { requireAuth, requireCsrf, requireRole, type Auth } from './sessions';
import { deleteUser, disableUser, listUsers, resetPassword, revokeSessions } from './user-admin';
import { UserError } from './users';

type UserRoutes = Pick<
  ReviewRoutes,
  'changePassword' | 'listUsers' | 'disableUser' | 'deleteUser' | 'resetPassword' | 'revokeSessions'
>;

export function userRoutes(deps: ServerDeps): UserRoutes {
  return {
    changePassword: route(
      async (request) => {
        const auth = await requireAuth(deps, request, { passwordChange: true });
        requireCsrf(request, auth.csrfToken);
        return auth;
      },
      async ({ auth, body }): Promise<SessionResponse> => {
        const user = await deps.db
          .selectFrom('users')
          .select('password_hash')
          .where('user_id', '=', auth.userId)
          .executeTakeFirstOrThrow();
        if (!(await verifyPassword(body.currentPassword, user.password_hash))) {
          throw new ProblemError(422, 'invalid', 'The current password is wrong.');
        }
        if (body.newPassword === body.currentPassword) {
          throw new ProblemError(422, 'invalid', 'The new password must differ from the current one.');
        }
        const hash = await hashPassword(body.newPassword);
        await deps.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('users')
            .set({ password_hash: hash, must_change_password: 0 })
            .where('user_id', '=', auth.userId)
            .execute();
          // Other browsers that knew the old password are out; this one goes on.
          await trx
            .deleteFrom('web_sessions')
            .where('user_id', '=', auth.userId)
            .where('session_hash', '<>', auth.sessionHash)
            .execute();
          await appendInTransaction(trx, deps.dialect, deps.now(), {
            actor: auth.user.username,
            role: auth.user.role,
            gemeente: auth.user.gemeente,
            action: 'user.change-password',
            why: 'gebruikersbeheer',
            subject: auth.user.username,
          });
        });
        return {
          user: auth.user,
          csrfToken: auth.csrfToken,
          expiresAt: auth.expiresAt,
          mustChangePassword: false,
        };
      },
    ),

    listUsers: route(
      (request) => beheerder(deps, request),
      async ({ auth }): Promise<UserListResponse> => {
        const users = await listUsers(deps.db, deps.now(), { gemeente: auth.user.gemeente });
        return { users: users.map(({ gemeente: _gemeente, ...user }) => user) };
      },
    ),

    disableUser: route(
      (request) => change(deps, request, { notSelf: 'disable' }),
      async ({ auth: { auth, username } }) => {
        await mapped(() => disableUser(deps.db, deps.now(), username, { gemeente: auth.user.gemeente }));
        await logAccess(deps, auth, { action: 'user.disable', why: 'gebruikersbeheer', subject: username });
      },
    ),

    deleteUser: route(
      (request) => change(deps, request, { notSelf: 'delete' }),
      async ({ auth: { auth, username } }) => {
        await mapped(() => deleteUser(deps.db, username, { gemeente: auth.user.gemeente }));
        await logAccess(deps, auth, { action: 'user.delete', why: 'gebruikersbeheer', subject: username });
      },
    ),

    resetPassword: route(
      (request) => change(deps, request, {}),
      async ({ auth: { auth, username }, body }) => {
        await mapped(() =>
          resetPassword(deps.db, username, body.newPassword, { gemeente: auth.user.gemeente }),
        );
        await logAccess(deps, auth, {
          action: 'user.reset-password',
          why: 'gebruikersbeheer',
          subject: username,
        });
      },
    ),

    revokeSessions: route(
      (request) => change(deps, request, {}),
      async ({ auth: { auth, username } }): Promise<RevokeSessionsResponse> => {
        const ended = await mapped(() => revokeSessions(deps.db, username, { gemeente: auth.user.gemeente }));
        await logAccess(deps, auth, {
          action: 'user.revoke-sessions',
          why: 'gebruikersbeheer',
          subject: username,
          detail: { ended },
        });
        return { ended };
      },
    ),
  };
}

async function beheerder(deps: ServerDeps, request: FastifyRequest): Promise<Auth> {
  const auth = await requireAuth(deps, request);
  requireRole(auth, ['beheerder']);
  return auth;
}

/** A beheerder's change to one account, CSRF-checked; disabling or deleting oneself is refused (no lock-out). */
async function change(
  deps: ServerDeps,
  request: FastifyRequest,
  options: { notSelf?: string },
): Promise<{ auth: Auth; username: string }> {
  const auth = await beheerder(deps, request);
  requireCsrf(request, auth.csrfToken);
  const username = ((request.params as { username?: string }).username ?? '').toLowerCase();
  if (options.notSelf && username === auth.user.username) {
    throw new ProblemError(422, 'invalid', `You cannot ${options.notSelf} your own account.`);
  }
  return { auth, username };
}

/** Another gemeente's account is answered like a missing one (404); a password rule is a 422. */
async function mapped<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UserError) {
      throw new ProblemError(
        error.notFound ? 404 : 422,
        error.notFound ? 'not-found' : 'invalid',
        error.message,
      );
    }
    throw error;
  }
}
