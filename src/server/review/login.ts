/**
 * Login with two rate limits. In the database (login-failures.ts, shared by all instances): per username and
 * client address, MAX_FAILURES attempts and then that pair waits LOCK_MINUTES, with a much higher ceiling per
 * username over all addresses. Per client address in this process: at most PER_IP_MAX attempts per window,
 * against one address spraying many usernames. Unknown usernames cost one scrypt like known ones and are
 * counted the same way, so every answer (401, and the 429 of a lock) is the same whether the account exists.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoginRequest, SessionResponse } from '../../shared/review';
import type { ServerDeps } from '../deps';
import { ProblemError } from '../http/problem';
import { addressKey, clearFailures, reserveAttempt } from './login-failures';
import { dummyHash, verifyPassword } from './passwords';
import { startSession } from './sessions';

export { ACCOUNT_MAX, LOCK_MINUTES, MAX_FAILURES } from './login-failures';
export const PER_IP_MAX = 30;
const WINDOW_MS = 15 * 60_000;

/** `ip` is `request.ip`; what that means behind a proxy is explained at `addressKey`. */
export function ipLimiter(now: () => Date) {
  const seen = new Map<string, number[]>();
  return (ip: string): void => {
    const t = now().getTime();
    const key = addressKey(ip);
    const recent = (seen.get(key) ?? []).filter((at) => t - at < WINDOW_MS);
    if (recent.length >= PER_IP_MAX) {
      throw new ProblemError(
        429,
        'rate-limited',
        'Too many login attempts from this address; wait 15 minutes.',
      );
    }
    recent.push(t);
    seen.set(key, recent);
    // Keep the map from growing without bound under a spray of addresses.
    if (seen.size > 10_000) for (const old of [...seen.keys()].slice(0, 5_000)) seen.delete(old);
  };
}

const WRONG = 'Unknown username or wrong password.';
// No time and nothing about the account: the same text for a locked pair and a username at its ceiling, for
// existing and unknown names alike.
const LOCKED = 'Too many failed logins for this username; try again in 15 minutes.';

export async function login(
  deps: ServerDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  body: LoginRequest,
): Promise<SessionResponse> {
  const key = { username: body.username, address: addressKey(request.ip) };
  if (!(await reserveAttempt(deps.db, key, deps.now()))) {
    throw new ProblemError(429, 'rate-limited', LOCKED);
  }
  const user = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', body.username)
    .executeTakeFirst();
  // The dummy hash for an unknown name: the same scrypt cost, so the timing does not tell either.
  const right = await verifyPassword(body.password, user?.password_hash ?? (await dummyHash()));
  // A disabled account gets the same answer as a wrong password: the login form does not tell them apart.
  if (!user || !right || user.disabled_at !== null) throw new ProblemError(401, 'unauthorized', WRONG);
  await clearFailures(deps.db, key);
  const session = await startSession(deps, request, reply, user.user_id);
  return {
    user: { username: user.username, gemeente: user.gemeente, role: user.role },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    mustChangePassword: user.must_change_password === 1,
  };
}
