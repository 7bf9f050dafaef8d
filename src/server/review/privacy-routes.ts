/**
 * The privacy officer's part of the review API (issue 20, items 3-5): the audit log, the retention period and
 * data-subject requests, for the `privacy` role of the gemeente only. Every one of them is itself logged.
 */
import type { FastifyRequest } from 'fastify';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_WHY_LABELS,
  SubjectRef,
  type RetentionSettings,
} from '../../shared/review';
import { auditEntries, auditPage } from '../audit/read';
import type { ServerDeps } from '../deps';
import { ProblemError } from '../http/problem';
import {
  RETENTION_DEFAULT_MONTHS,
  retentionCutoff,
  retentionMonths,
  setRetentionMonths,
} from '../retention/policy';
import { runRetention } from '../retention/run';
import { route, type ReviewRoutes } from './api-routes';
import { logAccess } from './audit-trail';
import { toCsv } from './csv';
import { requireAuth, requireCsrf, requireRole, type Auth } from './sessions';
import { eraseSubject, subjectExport } from './subject';

type PrivacyRoutes = Pick<
  ReviewRoutes,
  | 'auditLog'
  | 'auditExport'
  | 'retention'
  | 'setRetention'
  | 'runRetention'
  | 'subjectExport'
  | 'eraseSubject'
>;

export function privacyRoutes(deps: ServerDeps): PrivacyRoutes {
  const officer = async (request: FastifyRequest): Promise<Auth> => {
    const auth = await requireAuth(deps, request);
    requireRole(auth, ['privacy']);
    return auth;
  };
  const changing = async (request: FastifyRequest): Promise<Auth> => {
    const auth = await officer(request);
    requireCsrf(request, auth.csrfToken);
    return auth;
  };
  const refOf = (request: FastifyRequest): string => {
    const ref = SubjectRef.safeParse((request.params as { ref?: string }).ref);
    if (!ref.success) throw new ProblemError(404, 'not-found', 'There is no such candidate reference.');
    return ref.data;
  };

  return {
    auditLog: route(officer, async ({ auth, query }) => {
      await logAccess(deps, auth, { action: 'audit.read', why: 'privacytoezicht', detail: { ...query } });
      return auditPage(deps.db, auth.user.gemeente, query);
    }),

    auditExport: route(officer, async ({ auth, reply }) => {
      await logAccess(deps, auth, { action: 'audit.export', why: 'privacytoezicht' });
      const entries = await auditEntries(deps.db, auth.user.gemeente);
      const day = deps.now().toISOString().slice(0, 10);
      reply.header('Content-Disposition', `attachment; filename="lbt-auditlog-${day}.csv"`);
      return toCsv(
        [
          'Volgnummer',
          'Tijd',
          'Wie',
          'Rol',
          'Wat',
          'Waarom',
          'Betreft',
          'Kandidaat',
          'Details',
          'Vorige hash',
          'Hash',
        ],
        entries.map((e) => [
          e.seq,
          e.at,
          e.actor,
          e.role,
          AUDIT_ACTION_LABELS[e.action],
          AUDIT_WHY_LABELS[e.why],
          e.subject,
          e.candidateRef,
          JSON.stringify(e.detail),
          e.prevHash,
          e.hash,
        ]),
      );
    }),

    retention: route(officer, ({ auth }) => retentionSettings(deps, auth.user.gemeente)),

    setRetention: route(changing, async ({ auth, body }) => {
      // The setting and its audit entry commit together (setRetentionMonths).
      await setRetentionMonths(deps.db, deps.dialect, deps.now(), auth.user.gemeente, body.months, {
        actor: auth.user.username,
        role: auth.user.role,
      });
      return retentionSettings(deps, auth.user.gemeente);
    }),

    runRetention: route(changing, async ({ auth }) => {
      const outcome = await runRetention(
        deps.db,
        deps.dialect,
        deps.now(),
        { actor: auth.user.username, role: auth.user.role },
        auth.user.gemeente,
      );
      const mine = outcome.find((o) => o.gemeente === auth.user.gemeente);
      return {
        deleted: mine?.deleted ?? 0,
        cutoff:
          mine?.cutoff ?? retentionCutoff(deps.now(), await retentionMonths(deps.db, auth.user.gemeente)),
      };
    }),

    subjectExport: route(
      async (request) => ({ auth: await officer(request), ref: refOf(request) }),
      async ({ auth: { auth, ref } }) => {
        const held = await subjectExport(deps.db, auth.user.gemeente, ref, deps.now());
        // Logged whether or not anything is held; then read again, so the export lists this request too.
        await logAccess(deps, auth, { action: 'subject.export', why: 'inzageverzoek', candidateRef: ref });
        const found = held && (await subjectExport(deps.db, auth.user.gemeente, ref, deps.now()));
        if (!found) throw new ProblemError(404, 'not-found', `Nothing is held about ${ref}.`);
        return found;
      },
    ),

    eraseSubject: route(
      async (request) => ({ auth: await changing(request), ref: refOf(request) }),
      async ({ auth: { auth, ref }, body }) => {
        if (body.confirm !== ref) {
          throw new ProblemError(
            422,
            'invalid',
            'Type the candidate reference again to confirm the erasure.',
          );
        }
        return eraseSubject(
          deps.db,
          deps.dialect,
          deps.now(),
          { actor: auth.user.username, role: auth.user.role, gemeente: auth.user.gemeente },
          ref,
        );
      },
    ),
  };
}

async function retentionSettings(deps: ServerDeps, gemeente: string): Promise<RetentionSettings> {
  const row = await deps.db
    .selectFrom('gemeente_settings')
    .select('retention_months')
    .where('gemeente', '=', gemeente)
    .executeTakeFirst();
  const months = row?.retention_months ?? RETENTION_DEFAULT_MONTHS;
  const cutoff = retentionCutoff(deps.now(), months);
  const due = await deps.db
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('gemeente', '=', gemeente)
    .where('closed_at', '<', cutoff)
    .executeTakeFirstOrThrow();
  return {
    months,
    isDefault: row?.retention_months == null,
    defaultMonths: RETENTION_DEFAULT_MONTHS,
    cutoff,
    due: Number(due.n),
  };
}
