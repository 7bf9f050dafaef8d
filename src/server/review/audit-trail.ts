/** The review API's audit entries: who (the session's user), what, why, and in which gemeente. */
import type { AuditEntryBody } from '../../shared/review';
import { appendAudit } from '../audit/append';
import type { ServerDeps } from '../deps';
import type { Auth } from './sessions';

export type Access = Pick<AuditEntryBody, 'action' | 'why'> &
  Partial<Pick<AuditEntryBody, 'subject' | 'candidateRef' | 'detail'>>;

/**
 * Written before the answer leaves: a read whose entry cannot be written fails (500) rather than go unlogged.
 */
export async function logAccess(deps: ServerDeps, auth: Auth, access: Access): Promise<void> {
  await appendAudit(deps.db, deps.dialect, deps.now(), {
    actor: auth.user.username,
    role: auth.user.role,
    gemeente: auth.user.gemeente,
    ...access,
  });
}
