/**
 * Login with two rate limits. Per account (in the database, so it holds across instances): after
 * MAX_FAILURES wrong passwords the account refuses logins for LOCK_MINUTES, even with the right password.
 * Per client address (in this process): at most PER_IP_MAX attempts per window, against one address spraying
 * many usernames. Unknown usernames cost one scrypt like known ones, and both get the same 401.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoginRequest, SessionResponse } from '../../shared/review';
import type { ServerDeps } from '../deps';
import { ProblemError } from '../http/problem';
import { dummyHash, verifyPassword } from './passwords';
import { startSession } from './sessions';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const PER_IP_MAX = 30;
const WINDOW_MS = 15 * 60_000;

export function ipLimiter(now: () => Date) {
  const seen = new Map<string, number[]>();
  return (ip: string): void => {
    const t = now().getTime();
    const recent = (seen.get(ip) ?? []).filter((at) => t - at < WINDOW_MS);
    if (recent.length >= PER_IP_MAX) {
      throw new ProblemError(
        429,
        'rate-limited',
        'Too many login attempts from this address; wait 15 minutes.',
      );
    }
    recent.push(t);
    seen.set(ip, recent);
    // Keep the map from growing without bound under a spray of addresses.
    if (seen.size > 10_000) for (const key of [...seen.keys()].slice(0, 5_000)) seen.delete(key);
  };
}

const WRONG = 'Unknown username or wrong password.';

export async function login(
  deps: ServerDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  body: LoginRequest,
): Promise<SessionResponse> {
  const now = deps.now();
  const user = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', body.username)
    .executeTakeFirst();
  if (!user) {
    await verifyPassword(body.password, await dummyHash());
    throw new ProblemError(401, 'unauthorized', WRONG);
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new ProblemError(
      429,
      'rate-limited',
      `Too many wrong passwords; this account is locked until ${user.locked_until}.`,
    );
  }
  if (!(await verifyPassword(body.password, user.password_hash))) {
    const failures = user.failed_logins + 1;
    const locked =
      failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await deps.db
      .updateTable('users')
      .set({ failed_logins: locked ? 0 : failures, locked_until: locked })
      .where('user_id', '=', user.user_id)
      .execute();
    throw new ProblemError(401, 'unauthorized', WRONG);
  }
  await deps.db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('user_id', '=', user.user_id)
    .execute();
  const session = await startSession(deps, request, reply, user.user_id);
  return {
    user: { username: user.username, gemeente: user.gemeente, role: user.role },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}
