/**
 * The review dashboard's HTTP surface: the JSON API under /v1/review/ (endpoint list in
 * src/shared/review/index.ts) and the built React page at /review/. Registered by app.ts in its own Fastify
 * scope, so the cookie parser, hooks and headers here touch no device-facing route.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ConditionsQuery,
  DEFAULT_MIN_GROUP,
  DistributionQuery,
  ExportQuery,
  ExportView,
  LoginRequest,
  RecordLeerrouteRequest,
  ResultListQuery,
  ReviewFilters,
  WhatIfQuery,
  type SessionResponse,
} from '../../shared/review';
import { ResultId } from '../../shared/result/record';
import { SECURITY_HEADERS } from '../../shared/security/csp';
import type { ServerDeps } from '../deps';
import { ProblemError } from '../http/problem';
import { conditions } from './conditions';
import { conditionsCsv, conformCsv, distributionCsv, resultsCsv, whatIfCsv } from './csv';
import { distribution, reference, routeGroups } from './distribution';
import { filterOptions } from './filter-options';
import { recordLeerroute } from './leerroute';
import { ipLimiter, login } from './login';
import { reliability } from './reliability';
import {
  endSession,
  presessionToken,
  requireAuth,
  requireCsrf,
  requirePresessionCsrf,
  requireRole,
  currentAuth,
} from './sessions';
import { parse } from './parse';
import { listResults, resultSheet } from './sheet';
import { userRoutes } from './user-routes';
import { serveDashboard } from './static';
import { buildWhatIf } from './what-if';

const API = '/v1/review';

/** A result id in the path: anything that is not a UUIDv7 cannot exist, so it is a 404 like a missing one. */
function resultIdOf(request: FastifyRequest): string {
  const id = (request.params as { id?: string }).id ?? '';
  if (!ResultId.safeParse(id).success) throw new ProblemError(404, 'not-found', 'There is no such result.');
  return id;
}

export async function reviewPlugin(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  await app.register(cookie);
  const limitLogins = ipLimiter(deps.now);

  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    // Every answer concerns candidates' results: no shared cache or browser cache keeps them.
    if (!reply.getHeader('cache-control')) reply.header('Cache-Control', 'no-store');
  });

  app.get(`${API}/session`, async (request, reply): Promise<SessionResponse> => {
    const auth = await currentAuth(deps, request);
    if (auth) {
      return {
        user: auth.user,
        csrfToken: auth.csrfToken,
        expiresAt: auth.expiresAt,
        mustChangePassword: auth.mustChangePassword,
      };
    }
    return {
      user: null,
      csrfToken: presessionToken(request, reply),
      expiresAt: null,
      mustChangePassword: false,
    };
  });

  app.post(`${API}/login`, async (request, reply) => {
    limitLogins(request.ip);
    requirePresessionCsrf(request);
    return login(deps, request, reply, parse(LoginRequest, request.body, 'login request'));
  });

  app.post(`${API}/logout`, async (request, reply) => {
    const auth = await requireAuth(deps, request, { passwordChange: true });
    requireCsrf(request, auth.csrfToken);
    await endSession(deps, request, reply, auth);
    return reply.code(204).send();
  });

  await userRoutes(app, deps);

  app.get(`${API}/filter-options`, async (request) => {
    const auth = await requireAuth(deps, request);
    return filterOptions(deps.db, auth.user.gemeente);
  });

  app.get(`${API}/distribution`, async (request) => {
    const auth = await requireAuth(deps, request);
    const { cesuur, ...filters } = parse(DistributionQuery, request.query, 'query');
    return distribution(deps.db, auth.user.gemeente, filters, cesuur);
  });

  app.get(`${API}/what-if`, async (request) => {
    const auth = await requireAuth(deps, request);
    const { cesuur, ...filters } = parse(WhatIfQuery, request.query, 'query');
    return whatIf(deps, auth.user.gemeente, filters, cesuur);
  });

  app.get(`${API}/conditions`, async (request) => {
    const auth = await requireAuth(deps, request);
    const { cesuur, minGroup, ...filters } = parse(ConditionsQuery, request.query, 'query');
    return conditions(deps.db, auth.user.gemeente, filters, {
      ...(cesuur === undefined ? {} : { cesuur }),
      minGroup: minGroup ?? DEFAULT_MIN_GROUP,
    });
  });

  app.get(`${API}/reliability`, async (request) => {
    const auth = await requireAuth(deps, request);
    const filters = parse(ReviewFilters, request.query, 'query');
    return reliability(deps.db, auth.user.gemeente, filters, auth.user.role === 'beheerder');
  });

  app.get(`${API}/results`, async (request) => {
    const auth = await requireAuth(deps, request);
    return listResults(deps.db, auth.user.gemeente, parse(ResultListQuery, request.query, 'query'));
  });

  app.get(`${API}/results/:id`, async (request) => {
    const auth = await requireAuth(deps, request);
    return resultSheet(deps.db, auth.user.gemeente, resultIdOf(request));
  });

  app.put(`${API}/results/:id/leerroute`, async (request) => {
    const auth = await requireAuth(deps, request);
    requireCsrf(request, auth.csrfToken);
    requireRole(auth, ['consulent', 'beheerder']);
    const id = resultIdOf(request);
    const body = parse(RecordLeerrouteRequest, request.body, 'leerroute');
    return recordLeerroute(deps.db, deps.now(), auth.user, id, body);
  });

  app.get(`${API}/export/:file`, async (request, reply) => exportCsv(deps, request, reply));

  await serveDashboard(app);
}

async function whatIf(deps: ServerDeps, gemeente: string, filters: ReviewFilters, cesuur: number) {
  const [groups, ref] = await Promise.all([
    routeGroups(deps.db, gemeente, filters),
    reference(deps.db, gemeente, filters),
  ]);
  return buildWhatIf(groups, cesuur, ref);
}

async function exportCsv(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply) {
  const auth = await requireAuth(deps, request);
  const file = (request.params as { file?: string }).file ?? '';
  const view = ExportView.safeParse(file.replace(/\.csv$/, ''));
  if (!file.endsWith('.csv') || !view.success) {
    throw new ProblemError(
      404,
      'not-found',
      `There is no export ${file}; try distribution.csv, conform.csv, what-if.csv, conditions.csv or results.csv.`,
    );
  }
  const { cesuur, ...filters } = parse(ExportQuery, request.query, 'query');
  const gemeente = auth.user.gemeente;
  let body: string;
  switch (view.data) {
    case 'distribution':
      body = distributionCsv(await distribution(deps.db, gemeente, filters, cesuur));
      break;
    case 'conform':
      body = conformCsv(await distribution(deps.db, gemeente, filters, cesuur));
      break;
    case 'what-if':
      if (cesuur === undefined) throw new ProblemError(400, 'invalid', 'what-if.csv needs ?cesuur=N.');
      body = whatIfCsv(await whatIf(deps, gemeente, filters, cesuur));
      break;
    case 'conditions':
      body = conditionsCsv(
        await conditions(deps.db, gemeente, filters, {
          ...(cesuur === undefined ? {} : { cesuur }),
          minGroup: DEFAULT_MIN_GROUP,
        }),
      );
      break;
    case 'results': {
      const rows = [];
      // Page through the list so a large gemeente's export is not one huge query result.
      for (let offset = 0; ; offset += 500) {
        const page = await listResults(deps.db, gemeente, { ...filters, limit: 500, offset });
        rows.push(...page.rows);
        if (page.rows.length < 500) break;
      }
      body = resultsCsv(rows);
      break;
    }
  }
  const day = deps.now().toISOString().slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="lbt-${view.data}-${day}.csv"`)
    .send(body);
}
