/**
 * Browser sessions of the review dashboard. The cookie carries 32 random bytes; the database keeps only their
 * sha256, so a copy of the database logs nobody in. CSRF: every POST/PUT carries `x-csrf-token`, a value derived
 * from the secret cookie (sha256 with a fixed prefix). A page of another origin can neither read the cookie nor
 * the token, and SameSite=Strict keeps the cookie off cross-site requests in the first place. Before login the
 * same scheme runs on a separate pre-session cookie, so the login form is covered too.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
// The type-only import brings @fastify/cookie's request.cookies / reply.setCookie declarations.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CSRF_HEADER,
  PRESESSION_CSRF_COOKIE,
  reviewAddress,
  SESSION_COOKIE,
  type ReviewRole,
  type ReviewUser,
} from '../../shared/review';
import type { ServerDeps } from '../deps';
import { ProblemError } from '../http/problem';

/** A working day; after that the consulent logs in again. */
export const SESSION_HOURS = 8;

export interface Auth {
  user: ReviewUser;
  userId: string;
  sessionHash: string;
  expiresAt: string;
  csrfToken: string;
  /** After a password reset: this session may only choose a new password (requireAuth refuses the rest). */
  mustChangePassword: boolean;
}

const sha256hex = (value: string) => createHash('sha256').update(value).digest('hex');

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function csrfTokenFor(secret: string): string {
  return createHash('sha256').update(`lbt.csrf/1\n${secret}`).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The same attributes on setting and clearing, so a cleared cookie is the one that was set. */
function cookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    // Secure whenever the browser reached us over https (directly or via a proxy Fastify trusts); plain http
    // only happens on 127.0.0.1 in development and tests, where a Secure cookie would never be sent back.
    secure: request.protocol === 'https',
  };
}

export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  maxAge: number,
) {
  reply.setCookie(name, value, { ...cookieOptions(request), maxAge });
}

function clearCookie(request: FastifyRequest, reply: FastifyReply, name: string) {
  reply.clearCookie(name, cookieOptions(request));
}

export async function startSession(
  deps: ServerDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
) {
  const secret = newSecret();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await deps.db.deleteFrom('web_sessions').where('expires_at', '<', now.toISOString()).execute();
  await deps.db
    .insertInto('web_sessions')
    .values({
      session_hash: sha256hex(secret),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  setCookie(request, reply, SESSION_COOKIE, secret, SESSION_HOURS * 3600);
  clearCookie(request, reply, PRESESSION_CSRF_COOKIE);
  return { csrfToken: csrfTokenFor(secret), expiresAt };
}

/** The logged-in user, or null (no cookie, unknown or expired session). */
export async function currentAuth(deps: ServerDeps, request: FastifyRequest): Promise<Auth | null> {
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret || secret.length > 100) return null;
  const sessionHash = sha256hex(secret);
  const row = await deps.db
    .selectFrom('web_sessions')
    .innerJoin('users', 'users.user_id', 'web_sessions.user_id')
    .select(['users.user_id', 'username', 'gemeente', 'role', 'expires_at', 'must_change_password'])
    .where('session_hash', '=', sessionHash)
    .where('expires_at', '>', deps.now().toISOString())
    // Disabling deletes the sessions too; this also holds should a session be written in between.
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    user: { username: row.username, gemeente: row.gemeente, role: row.role },
    userId: row.user_id,
    sessionHash,
    expiresAt: row.expires_at,
    csrfToken: csrfTokenFor(secret),
    mustChangePassword: row.must_change_password === 1,
  };
}

/**
 * The logged-in user. A session that must first choose a new password gets 403 everywhere except where
 * `passwordChange` allows it (changing the password, logging out).
 */
export async function requireAuth(
  deps: ServerDeps,
  request: FastifyRequest,
  options: { passwordChange?: boolean } = {},
): Promise<Auth> {
  const auth = await currentAuth(deps, request);
  if (!auth) throw new ProblemError(401, 'unauthorized', 'Log in to use the review dashboard.');
  if (auth.mustChangePassword && !options.passwordChange) {
    throw new ProblemError(
      403,
      'forbidden',
      `Choose a new password first (${reviewAddress('changePassword')}).`,
    );
  }
  return auth;
}

export function requireRole(auth: Auth, roles: readonly ReviewRole[]): void {
  if (!roles.includes(auth.user.role)) {
    throw new ProblemError(
      403,
      'forbidden',
      `This needs the role ${roles.join(' or ')}; you are ${auth.user.role}.`,
    );
  }
}

/** For state-changing requests of a logged-in user. */
export function requireCsrf(request: FastifyRequest, expected: string): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameText(sent, expected)) {
    throw new ProblemError(403, 'forbidden', `Missing or wrong ${CSRF_HEADER} header (CSRF protection).`);
  }
}

/** The pre-session token for the login form: issues the cookie when there is none yet. */
export function presessionToken(request: FastifyRequest, reply: FastifyReply): string {
  let secret = request.cookies[PRESESSION_CSRF_COOKIE];
  if (!secret || secret.length > 100) {
    secret = newSecret();
    setCookie(request, reply, PRESESSION_CSRF_COOKIE, secret, 3600);
  }
  return csrfTokenFor(secret);
}

export function requirePresessionCsrf(request: FastifyRequest): void {
  const secret = request.cookies[PRESESSION_CSRF_COOKIE];
  if (!secret)
    throw new ProblemError(403, 'forbidden', `Fetch ${reviewAddress('session')} first (CSRF protection).`);
  requireCsrf(request, csrfTokenFor(secret));
}

export async function endSession(
  deps: ServerDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  auth: Auth,
): Promise<void> {
  await deps.db.deleteFrom('web_sessions').where('session_hash', '=', auth.sessionHash).execute();
  clearCookie(request, reply, SESSION_COOKIE);
}
