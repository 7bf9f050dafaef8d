/**
 * The review dashboard's HTTP surface: the JSON API under /v1/review/ (registered from the table in
 * src/shared/review/review-api.ts by api-routes.ts) and the built React page at /review/. Registered by app.ts in its own Fastify
 * scope, so the cookie parser, hooks and headers here touch no device-facing route.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import {
  DEFAULT_MIN_GROUP,
  ExportView,
  RESULT_ROLES,
  type ReviewFilters,
  type ReviewQuery,
  type SessionResponse,
} from '../../shared/review';
import { ResultId } from '../../shared/result/record';
import { SECURITY_HEADERS } from '../../shared/security/csp';
import type { ServerDeps } from '../deps';
import { ProblemError } from '../http/problem';
import { registerReviewApi, route, type Guard, type ReviewRoutes } from './api-routes';
import { conditions } from './conditions';
import { conduct } from './conduct';
import { describeForm } from '../../shared/afnemer/reference-form';
import { referenceFormAt } from '../admin/reference-forms';
import { conditionsCsv, conformCsv, distributionCsv, resultsCsv, whatIfCsv } from './csv';
import { twijfelzoneEvidence, whatIfEvidence } from './cut-evidence';
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
  type Auth,
} from './sessions';
import { exportResults, listResults } from './result-list';
import { resultSheet } from './sheet';
import { logAccess } from './audit-trail';
import { appendInTransaction } from '../audit/append';
import type { Database } from '../db/tables';
import { privacyRoutes } from './privacy-routes';
import { nationalRoutes } from '../national/routes';
import { calibrationRoutes } from './calibration-routes';
import type { ServerSigningKey } from '../crypto/server-key';
import { userRoutes } from './user-routes';
import { servePractice } from './practice-static';
import { serveDashboard } from './static';
import { buildWhatIf } from './what-if';

/** A result id in the path: anything that is not a UUIDv7 cannot exist, so it is a 404 like a missing one. */
function resultIdOf(id = ''): string {
  if (!ResultId.safeParse(id).success) throw new ProblemError(404, 'not-found', 'There is no such result.');
  return id;
}

export interface ReviewPluginOptions {
  /** Check every JSON answer against the API table's response schema (api-routes.ts); default on. */
  checkResponses?: boolean;
  /** The built dashboard served at /review/; default DASHBOARD_DIR (static.ts). */
  dashboardDir?: string;
  /** The built home practice app served at /oefenen/; default PRACTICE_DIR (practice-static.ts). */
  practiceDir?: string;
  /** Signs stored calibration reports (calibration-routes.ts); without it those routes answer 503. */
  serverKey?: ServerSigningKey;
}

export async function reviewPlugin(
  app: FastifyInstance,
  deps: ServerDeps,
  options: ReviewPluginOptions = {},
): Promise<void> {
  await app.register(cookie);
  const limitLogins = ipLimiter(deps.now);

  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    // Every answer concerns candidates' results: no shared cache or browser cache keeps them.
    if (!reply.getHeader('cache-control')) reply.header('Cache-Control', 'no-store');
  });

  // The gemeente's results: the result roles only; `privacy` and `analist` read none of them (auth.ts).
  const signedIn: Guard<Auth> = async (request) => {
    const auth = await requireAuth(deps, request);
    requireRole(auth, RESULT_ROLES);
    return auth;
  };
  const routes: Omit<
    ReviewRoutes,
    | keyof ReturnType<typeof privacyRoutes>
    | keyof ReturnType<typeof nationalRoutes>
    | keyof ReturnType<typeof calibrationRoutes>
  > = {
    session: route(
      async () => null,
      async ({ request, reply }): Promise<SessionResponse> => {
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
      },
    ),

    login: route(
      async (request) => {
        limitLogins(request.ip);
        requirePresessionCsrf(request);
      },
      ({ request, reply, body }) => login(deps, request, reply, body),
    ),

    logout: route(
      async (request) => {
        const auth = await requireAuth(deps, request, { passwordChange: true });
        requireCsrf(request, auth.csrfToken);
        return auth;
      },
      async ({ request, reply, auth }) => {
        await endSession(deps, request, reply, auth);
      },
    ),

    ...userRoutes(deps),

    filterOptions: route(signedIn, ({ auth }) => filterOptions(deps.db, auth.user.gemeente)),

    distribution: route(signedIn, ({ auth, query: { cesuur, ...filters } }) =>
      distribution(deps.db, auth.user.gemeente, filters, cesuur),
    ),

    whatIf: route(signedIn, async ({ auth, query: { cesuur, ...filters } }) => {
      const { groups, counts } = await whatIf(deps, auth.user.gemeente, filters, cesuur);
      // What the calibration says about the same cesuur, over the same results.
      const calibration = await whatIfEvidence(
        deps.db,
        auth.user.gemeente,
        filters,
        cesuur,
        groups,
        options.serverKey?.pinned,
      );
      return { ...counts, calibration };
    }),

    twijfelzone: route(signedIn, async ({ auth, query: { cesuur, ...filters } }) => {
      const groups = await routeGroups(deps.db, auth.user.gemeente, filters);
      return twijfelzoneEvidence(
        deps.db,
        auth.user.gemeente,
        filters,
        cesuur,
        groups,
        options.serverKey?.pinned,
      );
    }),

    conditions: route(signedIn, ({ auth, query: { cesuur, minGroup, ...filters } }) =>
      conditions(deps.db, auth.user.gemeente, filters, {
        ...(cesuur === undefined ? {} : { cesuur }),
        minGroup: minGroup ?? DEFAULT_MIN_GROUP,
      }),
    ),

    // Counts per afnemer judge colleagues' work: the consulent and beheerder, not every viewer (issue 20).
    conduct: route(signedIn, ({ auth, query: { by, minGroup, ...filters } }) => {
      requireRole(auth, ['consulent', 'beheerder']);
      return conduct(deps.db, auth.user.gemeente, filters, { by, minGroup });
    }),
    referenceForm: route(signedIn, async ({ auth }) => {
      requireRole(auth, ['beheerder']);
      const form = await referenceFormAt(deps.db, auth.user.gemeente);
      return { form, description: form ? describeForm(form) : null };
    }),
    reliability: route(signedIn, ({ auth, query }) =>
      reliability(deps.db, auth.user.gemeente, query, auth.user.role === 'beheerder'),
    ),

    // A list shows candidates' results row by row: logged, with how many and whether a reference was searched
    // (never the searched text, as in the request log).
    results: route(signedIn, async ({ auth, query }) => {
      const list = await listResults(deps.db, auth.user.gemeente, query);
      await logAccess(deps, auth, {
        action: 'result.list',
        why: 'beoordeling',
        detail: { rows: list.rows.length, offset: query.offset, searched: query.candidate !== undefined },
      });
      return list;
    }),

    resultSheet: route(signedIn, async ({ auth, params }) => {
      const sheet = await resultSheet(
        deps.db,
        auth.user.gemeente,
        resultIdOf(params.id),
        options.serverKey?.pinned,
      );
      await logAccess(deps, auth, {
        action: 'result.read',
        why: 'beoordeling',
        subject: sheet.resultId,
        candidateRef: sheet.candidateRef,
      });
      return sheet;
    }),

    recordLeerroute: route(
      async (request) => {
        const auth = await requireAuth(deps, request);
        requireCsrf(request, auth.csrfToken);
        requireRole(auth, ['consulent', 'beheerder']);
        // An id that cannot exist is a 404 before the body is looked at, as for a missing result.
        resultIdOf((request.params as { id?: string }).id);
        return auth;
      },
      // The change and its audit entry commit together: no route is recorded without its entry.
      ({ auth, params, body }) =>
        deps.db.transaction().execute(async (trx) => {
          const recorded = await recordLeerroute(trx, deps.now(), auth.user, params.id, body);
          const ref = await candidateRefOf(trx, auth.user.gemeente, params.id);
          await appendInTransaction(trx, deps.dialect, deps.now(), {
            actor: auth.user.username,
            role: auth.user.role,
            gemeente: auth.user.gemeente,
            action: 'leerroute.record',
            why: 'leerroute',
            subject: params.id,
            candidateRef: ref,
            detail: { route: body.route, conform: recorded.conform },
          });
          return recorded;
        }),
    ),

    export: route(
      async (request, reply) => {
        const auth = await signedIn(request, reply);
        // An unknown file is a 404 before the query is looked at.
        return { auth, view: exportViewOf((request.params as { file?: string }).file) };
      },
      ({ auth: { auth, view }, query, reply }) => exportCsv(deps, auth, view, query, reply),
    ),
  };
  registerReviewApi(
    app,
    {
      ...routes,
      ...privacyRoutes(deps),
      ...nationalRoutes(deps),
      ...calibrationRoutes(deps, options.serverKey),
    },
    options,
  );

  await serveDashboard(app, options.dashboardDir);
  await servePractice(app, options.practiceDir);
}

async function whatIf(deps: ServerDeps, gemeente: string, filters: ReviewFilters, cesuur: number) {
  const [groups, ref] = await Promise.all([
    routeGroups(deps.db, gemeente, filters),
    reference(deps.db, gemeente, filters),
  ]);
  return { groups, counts: buildWhatIf(groups, cesuur, ref) };
}

async function candidateRefOf(
  db: Kysely<Database>,
  gemeente: string,
  resultId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('results')
    .select('candidate_ref')
    .where('result_id', '=', resultId)
    .where('gemeente', '=', gemeente)
    .executeTakeFirst();
  return row?.candidate_ref ?? null;
}

function exportViewOf(file = ''): ExportView {
  const view = ExportView.safeParse(file.replace(/\.csv$/, ''));
  if (!file.endsWith('.csv') || !view.success) {
    throw new ProblemError(
      404,
      'not-found',
      `There is no export ${file}; try distribution.csv, conform.csv, what-if.csv, conditions.csv or results.csv.`,
    );
  }
  return view.data;
}

async function exportCsv(
  deps: ServerDeps,
  auth: Auth,
  view: ExportView,
  { cesuur, ...filters }: ReviewQuery<'export'>,
  reply: FastifyReply,
): Promise<string> {
  const gemeente = auth.user.gemeente;
  let body: string;
  switch (view) {
    case 'distribution':
      body = distributionCsv(await distribution(deps.db, gemeente, filters, cesuur));
      break;
    case 'conform':
      body = conformCsv(await distribution(deps.db, gemeente, filters, cesuur));
      break;
    case 'what-if':
      if (cesuur === undefined) throw new ProblemError(400, 'invalid', 'what-if.csv needs ?cesuur=N.');
      body = whatIfCsv((await whatIf(deps, gemeente, filters, cesuur)).counts);
      break;
    case 'conditions':
      body = conditionsCsv(
        await conditions(deps.db, gemeente, filters, {
          ...(cesuur === undefined ? {} : { cesuur }),
          minGroup: DEFAULT_MIN_GROUP,
        }),
      );
      break;
    case 'results':
    case 'results-ggm': {
      body = resultsCsv(
        await exportResults(deps.db, gemeente, filters),
        view === 'results-ggm' ? 'ggm' : 'dutch',
      );
      break;
    }
  }
  await logAccess(deps, auth, {
    action: 'export',
    why: 'rapportage',
    subject: `${view}.csv`,
    detail: {
      filters: Object.keys(filters)
        .filter((k) => filters[k as keyof typeof filters] !== undefined)
        .join(','),
    },
  });
  const day = deps.now().toISOString().slice(0, 10);
  reply.header('Content-Disposition', `attachment; filename="lbt-${view}-${day}.csv"`);
  return body;
}
