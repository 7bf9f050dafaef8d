import { z } from 'zod';
import { Label } from '../session/event-parts';

/**
 * Accounts of the review dashboard. Every user belongs to exactly one gemeente and only ever sees that
 * gemeente's results. `viewer` reads, `consulent` also records leerroutes, `beheerder` also sees the item
 * statistics (p-values, item-rest correlations) and manages accounts. `privacy` (the gemeente's privacy
 * officer) sees no results but the audit log, the retention period and data-subject requests. `analist` (the
 * ministry or DUO) gets no row-level access to any gemeente: only the national view of aggregates
 * (national.ts). Its "gemeente" is NATIONAL_ACCOUNT_LABEL, never a scope.
 */
export const ReviewRole = z.enum(['viewer', 'consulent', 'beheerder', 'privacy', 'analist']);
export type ReviewRole = z.infer<typeof ReviewRole>;

/** The `gemeente` of every analist account: it belongs to none (not a gemeente name, so no beheerder sees it). */
export const NATIONAL_ACCOUNT_LABEL = 'Landelijk';

export const REVIEW_ROLE_LABELS: Record<ReviewRole, string> = {
  viewer: 'Alleen lezen',
  consulent: 'Consulent',
  beheerder: 'Beheerder',
  privacy: 'Privacyfunctionaris',
  analist: 'Analist (landelijk)',
};

/** The roles that read a gemeente's results (the review views, the result sheet, the CSV exports). */
export const RESULT_ROLES = ['viewer', 'consulent', 'beheerder'] as const satisfies readonly ReviewRole[];

/** Whether a role reads a gemeente's results: the one check the dashboard and the service share. */
export function readsResults(role: ReviewRole): boolean {
  return (RESULT_ROLES as readonly ReviewRole[]).includes(role);
}

/** Lower-case letters, digits, dot, dash, underscore: safe in logs and easy to type. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, '3-64 letters, digits, dot, dash or underscore');

/** At least 12 characters: the login is on the internet; a rate limit alone does not make short ones safe. */
export const NewPassword = z.string().min(12, 'at least 12 characters').max(200);

export const ReviewUser = z.object({ username: Username, gemeente: Label, role: ReviewRole }).strict();
export type ReviewUser = z.infer<typeof ReviewUser>;

/** `POST /v1/review/login`. The password is not checked for length here: an old account may be shorter. */
export const LoginRequest = z.object({ username: Username, password: z.string().min(1).max(200) }).strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

/**
 * `GET /v1/review/session` and `POST /v1/review/login` answer this. `csrfToken` must be sent back in the
 * `x-csrf-token` header on every POST/PUT/DELETE: before login it is the pre-session token (double-submit with
 * the `lbt_csrf` cookie), after login the token bound to the session.
 */
export const SessionResponse = z
  .object({
    user: ReviewUser.nullable(),
    csrfToken: z.string().min(20),
    /** When the session ends unless renewed by use (ISO time), null without a session. */
    expiresAt: z.iso.datetime().nullable(),
    /** After a password reset: the session may only choose a new password (`POST /v1/review/password`). */
    mustChangePassword: z.boolean(),
  })
  .strict();
export type SessionResponse = z.infer<typeof SessionResponse>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'lbt_review';
export const PRESESSION_CSRF_COOKIE = 'lbt_csrf';

/** `POST /v1/review/password`: the logged-in user chooses a new password (required after a reset). */
export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** One account of the beheerder's gemeente, for the "Gebruikers" view (`GET /v1/review/users`). */
export const UserSummary = z
  .object({
    username: Username,
    role: ReviewRole,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    /** Open browser sessions. */
    sessions: z.number().int().min(0),
    createdAt: z.iso.datetime(),
  })
  .strict();
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListResponse = z.object({ users: z.array(UserSummary) }).strict();
export type UserListResponse = z.infer<typeof UserListResponse>;

/** `POST /v1/review/users/:username/reset-password`: the beheerder sets a temporary password. */
export const ResetPasswordRequest = z.object({ newPassword: NewPassword }).strict();
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

/** `POST /v1/review/users/:username/revoke-sessions` answers how many sessions it ended. */
export const RevokeSessionsResponse = z.object({ ended: z.number().int().min(0) }).strict();
export type RevokeSessionsResponse = z.infer<typeof RevokeSessionsResponse>;
