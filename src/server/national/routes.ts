/**
 * The national part of the review API (`national/...` in the table): the `analist` role only, and the only
 * endpoints that role may call besides session, login, logout and password. Every read is written to the audit
 * log before the answer leaves, with the gemeenten and the period it covered (no gemeente: it is about many).
 */
import type { FastifyRequest } from 'fastify';
import { MIN_CELL, type AuditEntryBody, type NationalQuery } from '../../shared/review';
import { appendAudit } from '../audit/append';
import type { ServerDeps } from '../deps';
import { route, type ReviewRoutes } from '../review/api-routes';
import { requireAuth, requireRole, type Auth } from '../review/sessions';
import { gemeentenWithResults, nationalReport } from './report';

type NationalRoutes = Pick<ReviewRoutes, 'nationalOptions' | 'nationalDistribution' | 'nationalConditions'>;

export function nationalRoutes(deps: ServerDeps): NationalRoutes {
  const analist = async (request: FastifyRequest): Promise<Auth> => {
    const auth = await requireAuth(deps, request);
    requireRole(auth, ['analist']);
    return auth;
  };
  const logRead = (auth: Auth, subject: string, query: NationalQuery | null) =>
    appendAudit(deps.db, deps.dialect, deps.now(), {
      actor: auth.user.username,
      role: auth.user.role,
      gemeente: null,
      action: 'national.read',
      why: 'landelijke-analyse',
      subject,
      detail: detailOf(query),
    });

  return {
    nationalOptions: route(analist, async ({ auth }) => {
      await logRead(auth, 'options', null);
      return { gemeenten: await gemeentenWithResults(deps.db), minCell: MIN_CELL };
    }),
    nationalDistribution: route(analist, async ({ auth, query }) => {
      const report = await nationalReport(deps.db, query);
      await logRead(auth, 'distribution', query);
      return report.distribution;
    }),
    nationalConditions: route(analist, async ({ auth, query }) => {
      const report = await nationalReport(deps.db, query);
      await logRead(auth, 'conditions', query);
      return report.conditions;
    }),
  };
}

/** Which gemeenten (all, or the chosen set) and which months the read covered. */
function detailOf(query: NationalQuery | null): AuditEntryBody['detail'] {
  if (!query) return {};
  return {
    gemeenten: query.gemeenten ? query.gemeenten.join(',') : 'alle',
    from: query.from ?? null,
    to: query.to ?? null,
    cesuur: query.cesuur ?? null,
  };
}
