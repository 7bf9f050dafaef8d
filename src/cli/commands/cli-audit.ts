/**
 * The audit entries of changes made on the command line (accounts, afnemers, kiosks): actor `lbt`, role
 * `system`, the gemeente the change concerns. Written right after the change, before the command reports success;
 * the changes whose library functions take an actor (reference form, retention, calibration) write theirs in
 * the change's own transaction instead.
 */
import type { AuditInput } from '../../server/audit/append';
import { appendAudit, CLI_ACTOR } from '../../server/audit/append';
import type { ServerDeps } from '../../server/deps';
import { AfnemerId } from '../../shared/results-service';
import { Username } from '../../shared/review';

export async function auditCliChange(
  deps: ServerDeps,
  entry: Omit<AuditInput, 'actor' | 'role'>,
): Promise<void> {
  await appendAudit(deps.db, deps.dialect, deps.now(), { ...CLI_ACTOR, ...entry });
}

/** The gemeente of a review account, an afnemer or a kiosk, looked up before the change (a deleted one is gone). */
export async function gemeenteOf(
  deps: ServerDeps,
  what: { user: string } | { afnemer: string } | { device: string },
): Promise<string | null> {
  const row =
    'user' in what
      ? await deps.db
          .selectFrom('users')
          .select('gemeente')
          .where('username', '=', Username.safeParse(what.user).data ?? what.user)
          .executeTakeFirst()
      : 'afnemer' in what
        ? await deps.db
            .selectFrom('afnemers')
            .select('gemeente')
            .where('afnemer_id', '=', AfnemerId.safeParse(what.afnemer).data ?? what.afnemer)
            .executeTakeFirst()
        : await deps.db
            .selectFrom('devices')
            .select('gemeente')
            .where('device_id', '=', what.device)
            .executeTakeFirst();
  return row?.gemeente ?? null;
}
