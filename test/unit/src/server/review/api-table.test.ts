/**
 * The review API table (src/shared/review/review-api.ts) against the real service: the routes registered under
 * /v1/review/ are exactly the table's, and every endpoint's answer on a seeded service matches the table's
 * response schema (JSON), is a 204 (no content) or a CSV download.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  registerReviewApi,
  route as bind,
  type ReviewRoutes,
} from '../../../../../src/server/review/api-routes';
import { reviewPlugin } from '../../../../../src/server/review/plugin';
import {
  REVIEW_API_PREFIX,
  reviewApi,
  reviewEndpointNames,
  reviewPath,
  reviewQueryString,
  type ReviewEndpointName,
} from '../../../../../src/shared/review';
import {
  addSimulatedSittings,
  addUser,
  Client,
  PASSWORD,
  plan,
  realPackage,
  route,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

const EXPLANATION = 'Sterk gemotiveerd en hoog opgeleid in het land van herkomst.';

describe('review API table', () => {
  let service: ReviewService;
  let ids: string[];

  beforeAll(async () => {
    service = await startReviewService('sqlite');
    ids = await seed(service, 'Utrecht', [
      plan(10, 'Z', '2026-05-01T10:00:00.000Z', { interpreter: true, input: 'mouse' }),
      plan(22, 'B1', '2026-05-02T10:00:00.000Z'),
      plan(27, 'Z', '2026-05-03T10:00:00.000Z'),
      plan(29, 'O', '2026-05-05T10:00:00.000Z'),
      plan(35, 'B1', '2026-05-08T10:00:00.000Z'),
      plan(38, 'onbekend', '2026-05-09T10:00:00.000Z'),
    ]);
    await route(service, 'Utrecht', ids[0]!, { route: 'Z' });
    await route(service, 'Utrecht', ids[1]!, {
      route: 'B1',
      reason: 'motivatie-opleiding',
      explanation: EXPLANATION,
    });
    await addUser(service, 'beheer', 'Utrecht', 'beheerder');
    await addUser(service, 'collega', 'Utrecht', 'consulent');
    await addUser(service, 'oud-account', 'Utrecht', 'viewer');
    await addUser(service, 'privacy', 'Utrecht', 'privacy');
    await addUser(service, 'analist', '', 'analist');
  }, 120_000);

  afterAll(async () => service?.stop());

  it('registers exactly the table under the review prefix', async () => {
    const app = Fastify({ logger: false });
    const registered: string[] = [];
    app.addHook('onRoute', (options) => {
      const methods = [options.method].flat();
      for (const method of methods) {
        if (method !== 'HEAD' && options.url.startsWith(REVIEW_API_PREFIX))
          registered.push(`${method} ${options.url}`);
      }
    });
    await reviewPlugin(app, service.deps);
    await app.ready();
    await app.close();
    const table = reviewEndpointNames.map(
      (name) => `${reviewApi[name].method} ${REVIEW_API_PREFIX}${reviewApi[name].path}`,
    );
    expect(registered.sort()).toEqual([...table].sort());
    // Every address is unique: two names for one route would be ambiguous for the client.
    expect(new Set(table).size).toBe(table.length);
  });

  it('answers every endpoint on a seeded service as its table entry says', async () => {
    const seen = new Set<ReviewEndpointName>();
    const client = new Client(service.url);

    async function check(
      name: ReviewEndpointName,
      input: { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown } = {},
    ) {
      const spec = reviewApi[name];
      const url = REVIEW_API_PREFIX + reviewPath(name, input.params) + reviewQueryString(input.query);
      const body = input.body ?? (spec.method === 'POST' || spec.method === 'PUT' ? {} : undefined);
      const answer = await client.call(spec.method, url, body);
      seen.add(name);
      switch (spec.response.kind) {
        case 'json': {
          expect(answer.status, `${name}: ${answer.text}`).toBe(200);
          expect(answer.type).toContain('application/json');
          const parsed = spec.response.schema.safeParse(answer.json);
          expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
          break;
        }
        case 'no-content':
          expect(answer.status, `${name}: ${answer.text}`).toBe(204);
          expect(answer.text).toBe('');
          break;
        case 'csv':
          expect(answer.status, `${name}: ${answer.text}`).toBe(200);
          expect(answer.type).toContain('text/csv');
          expect(answer.text.split('\n').length).toBeGreaterThan(1);
          break;
      }
      return answer;
    }

    const session = await check('session');
    client.csrf = session.json.csrfToken;
    const login = await check('login', { body: { username: 'beheer', password: PASSWORD } });
    client.csrf = login.json.csrfToken;

    await check('filterOptions');
    await check('distribution', { query: { cesuur: 28 } });
    await check('whatIf', { query: { cesuur: 30, from: '2026-05-01' } });
    await check('twijfelzone');
    await check('conditions', { query: { minGroup: 1 } });
    await check('conduct', { query: { by: 'location' } });
    await check('referenceForm');
    await check('reliability');
    const list = await check('results', { query: { limit: 3 } });
    expect(list.json.rows).toHaveLength(3);
    await check('resultSheet', { params: { id: ids[2]! } });
    await check('recordLeerroute', { params: { id: ids[3]! }, body: { route: 'O' } });
    for (const file of ['distribution', 'conform', 'what-if', 'conditions', 'results']) {
      await check('export', { params: { file: `${file}.csv` }, query: { cesuur: 28 } });
    }

    await check('listUsers');
    await check('revokeSessions', { params: { username: 'collega' } });
    await check('resetPassword', {
      params: { username: 'collega' },
      body: { newPassword: 'een-nieuw-tijdelijk-wachtwoord' },
    });
    await check('disableUser', { params: { username: 'oud-account' } });
    await check('deleteUser', { params: { username: 'oud-account' } });
    await addSimulatedSittings(service, 250);
    const packageHash = realPackage().packageHash;
    const ran = await check('runCalibration', { body: { packageHash } });
    await check('calibrations');
    await check('calibration', { params: { id: ran.json.reportId } });
    await check('changePassword', {
      body: { currentPassword: PASSWORD, newPassword: 'mijn-nieuwe-wachtwoord' },
    });
    await check('logout');

    // The privacy officer's endpoints, as that role (the others are refused it: audit-privacy.test.ts).
    const officer = await check('session');
    client.csrf = officer.json.csrfToken;
    client.csrf = (
      await check('login', { body: { username: 'privacy', password: PASSWORD } })
    ).json.csrfToken;
    await check('auditLog', { query: { limit: 5 } });
    await check('auditExport');
    await check('retention');
    await check('setRetention', { body: { months: 60 } });
    await check('runRetention');
    await check('subjectExport', { params: { ref: 'K-1' } });
    await check('eraseSubject', { params: { ref: 'K-1' }, body: { confirm: 'K-1' } });

    // The national endpoints, as the analist (leaks and refusals: national.test.ts).
    await check('logout');
    client.csrf = (await check('session')).json.csrfToken;
    client.csrf = (
      await check('login', { body: { username: 'analist', password: PASSWORD } })
    ).json.csrfToken;
    await check('nationalOptions');
    await check('nationalDistribution', { query: { gemeenten: ['Utrecht'], from: '2026-05' } });
    await check('nationalConditions', { query: { to: '2026-05', cesuur: 28 } });

    expect([...seen].sort()).toEqual([...reviewEndpointNames].sort());
  });

  it('answers 500 rather than an answer that breaks its response schema', async () => {
    const broken = Object.fromEntries(
      reviewEndpointNames.map((name) => [
        name,
        bind(
          async () => null,
          () => ({ wrong: true }) as never,
        ),
      ]),
    ) as ReviewRoutes;
    const url = REVIEW_API_PREFIX + reviewPath('filterOptions');
    for (const [checkResponses, status] of [
      [true, 500],
      [false, 200],
    ] as const) {
      const app = Fastify({ logger: false });
      registerReviewApi(app, broken, { checkResponses });
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(status);
      await app.close();
    }
  });
});
