/**
 * The national view (issue 20, item 2) against the real service on SQLite and PostgreSQL, over a large, a middle
 * and a small gemeente. Every endpoint registered under the national prefix is walked (taken from the routes the
 * service registers, so a new one is covered without touching this test) with several scopes and periods, and
 * every answer is scanned: no row-level key, no stored id, reference, label or time of a sitting, and no count
 * under 10. Only the analist may call them; the analist may call nothing of a gemeente.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedResult } from '../../../../../src/server/demo/plan';
import { reviewPlugin } from '../../../../../src/server/review/plugin';
import {
  MIN_CELL,
  NATIONAL_PATH,
  REVIEW_API_PREFIX,
  reviewApi,
  reviewEndpointNames,
  reviewPath,
  type ReviewEndpointName,
} from '../../../../../src/shared/review';
import {
  addUser,
  Client,
  DB_KINDS,
  plan,
  route,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

const NATIONAL_PREFIX = REVIEW_API_PREFIX + NATIONAL_PATH;

/** Keys that only a row (one sitting, one candidate, one kiosk or afnemer) has. */
const ROW_KEYS = new Set(
  [
    'resultId',
    'result_id',
    'id',
    'candidateRef',
    'candidate_ref',
    'candidate',
    'deviceId',
    'device_id',
    'afnemerId',
    'afnemer_id',
    'sessionId',
    'closedAt',
    'closed_at',
    'startedAt',
    'at',
    'firstDay',
    'lastDay',
    'envelope',
    'responses',
  ].map((k) => k.toLowerCase()),
);

/** Numbers that are not counts: scores, cesuur values, band edges, shares and means. */
const NOT_COUNTS = new Set(['raw', 'cesuur', 'max', 'from', 'to', 'mean', 'minCell']);

/** Every problem found in one answer, with its JSON path. */
function leaks(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaks(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => [
      ...(ROW_KEYS.has(key.toLowerCase()) ? [`${path}.${key}: a row-level key`] : []),
      ...(typeof v === 'number' && !NOT_COUNTS.has(key) && !key.startsWith('pct') && v < MIN_CELL
        ? [`${path}.${key}: the count ${v}`]
        : []),
      ...leaks(v, `${path}.${key}`),
    ]);
  }
  if (typeof value === 'string') {
    if (/^K-\d+$/.test(value)) return [`${path}: a candidate reference ${value}`];
    if (/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value)) return [`${path}: an id ${value}`];
    if (/\d{4}-\d{2}-\d{2}T\d{2}:/.test(value)) return [`${path}: a time ${value}`];
  }
  return [];
}

interface Distribution {
  total: number | null;
  histogram: { count: number | null }[];
  bands: { band: { key: string }; total: number | null; cells: { count: number | null }[] }[];
}

/** Sums in a distribution answer with exactly one hidden member: that member would be the total minus the rest. */
function recomputable(d: Distribution): string[] {
  const sums: [string, (number | null)[]][] = [
    ['histogram', [d.total, ...d.histogram.map((b) => b.count)]],
    ['bands', [d.total, ...d.bands.map((b) => b.total)]],
    ...d.bands.map((b): [string, (number | null)[]] => [
      b.band.key,
      [b.total, ...b.cells.map((c) => c.count)],
    ]),
  ];
  return sums.filter(([, members]) => members.filter((m) => m === null).length === 1).map(([name]) => name);
}

/** Raw scores spread so the large gemeente has cells well over 10 and the small ones cells under it. */
function plans(count: number, offset: number): PlannedResult[] {
  const raws = [12, 18, 22, 25, 27, 28, 29, 30, 33, 36];
  return Array.from({ length: count }, (_, i) => {
    const raw = raws[(i + offset) % raws.length]!;
    const month = 3 + (i % 3); // March, April, May 2026
    return plan(
      raw,
      raw >= 28 ? 'B1' : 'Z',
      `2026-0${month}-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00.000Z`,
      {
        input: i % 17 === 0 ? 'mouse' : 'touch',
        interpreter: i % 5 === 0,
        language: i % 6 === 0 ? 'ar' : i % 31 === 0 ? 'ti' : 'nl',
        practiced: i % 4 === 0 ? 'no' : 'yes',
      },
    );
  });
}

const GEMEENTEN = { Grootstad: 120, Middeldorp: 25, Kleindorp: 4 } as const;

describe.each(DB_KINDS)('the national view on %s', (kind) => {
  let service: ReviewService;
  const rowValues: string[] = [];

  beforeAll(async () => {
    service = await startReviewService(kind);
    for (const [gemeente, count] of Object.entries(GEMEENTEN)) {
      const ids = await seed(service, gemeente, plans(count, count));
      // Routes for two thirds, as advised: the conform table has rows.
      for (const [i, id] of ids.entries()) {
        if (i % 3 === 2) continue;
        const row = await service.deps.db
          .selectFrom('results')
          .select('raw')
          .where('result_id', '=', id)
          .executeTakeFirstOrThrow();
        await route(service, gemeente, id, { route: row.raw >= 28 ? (i % 4 === 0 ? 'O' : 'B1') : 'Z' });
      }
    }
    await addUser(service, 'analist', '', 'analist');
    for (const role of ['viewer', 'consulent', 'beheerder', 'privacy'] as const) {
      await addUser(service, role, 'Grootstad', role);
    }
    // What must never leave: every stored id, reference, kiosk label and closing time.
    const rows = await service.deps.db
      .selectFrom('results')
      .select(['result_id', 'candidate_ref', 'device_id', 'afnemer_id', 'closed_at'])
      .execute();
    const devices = await service.deps.db.selectFrom('devices').select(['device_id', 'label']).execute();
    for (const r of rows)
      rowValues.push(r.result_id, r.candidate_ref ?? '', r.device_id, String(r.closed_at));
    for (const r of rows) if (r.afnemer_id) rowValues.push(r.afnemer_id);
    for (const d of devices) rowValues.push(d.device_id, d.label);
  }, 240_000);
  afterAll(() => service?.stop());

  /** The routes the service registers under the national prefix, as the table names them. */
  async function registeredNational(): Promise<ReviewEndpointName[]> {
    const app = Fastify({ logger: false });
    const urls: string[] = [];
    app.addHook('onRoute', (options) => {
      if (options.url.startsWith(NATIONAL_PREFIX) && options.method !== 'HEAD') urls.push(options.url);
    });
    await reviewPlugin(app, service.deps);
    await app.ready();
    await app.close();
    const names = urls.map((url) => {
      const name = reviewEndpointNames.find((n) => REVIEW_API_PREFIX + reviewApi[n].path === url);
      if (!name) throw new Error(`${url} is registered but not in the API table`);
      return name;
    });
    expect(names.length).toBeGreaterThanOrEqual(3);
    return names;
  }

  const SCOPES: Record<string, string>[] = [
    {},
    { gemeenten: 'Kleindorp' },
    { gemeenten: 'Middeldorp' },
    { gemeenten: 'Grootstad' },
    { gemeenten: 'Grootstad,Kleindorp' },
    { gemeenten: 'Middeldorp,Kleindorp', from: '2026-04', to: '2026-04' },
    { from: '2026-05' },
    { to: '2026-03', cesuur: '30' },
    { gemeenten: 'Grootstad', cesuur: '25' },
  ];

  it('answers every national endpoint with aggregates only: no row-level field, no count under 10', async () => {
    const analist = new Client(service.url);
    expect((await analist.login('analist')).status).toBe(200);
    const names = await registeredNational();
    let answers = 0;
    for (const name of names) {
      for (const scope of reviewApi[name].method === 'GET' && 'query' in reviewApi[name] ? SCOPES : [{}]) {
        const answer = await analist.get(
          `${REVIEW_API_PREFIX}${reviewPath(name)}?${new URLSearchParams(scope).toString()}`,
        );
        expect(answer.status, `${name} ${JSON.stringify(scope)}: ${answer.text}`).toBe(200);
        expect(leaks(answer.json), `${name} ${JSON.stringify(scope)}`).toEqual([]);
        if (name === 'nationalDistribution')
          expect(recomputable(answer.json), JSON.stringify(scope)).toEqual([]);
        for (const value of rowValues) {
          expect(answer.text.includes(`"${value}"`), `${name} carries ${value}`).toBe(false);
        }
        answers++;
      }
    }
    expect(answers).toBeGreaterThan(names.length);
  });

  it('shows what is large enough, exactly, and hides the small gemeente entirely', async () => {
    const analist = new Client(service.url);
    await analist.login('analist');
    const all = (await analist.get(`${NATIONAL_PREFIX}distribution`)).json;
    expect(all.total).toBe(120 + 25 + 4);
    expect(all.scope.gemeenten).toEqual(['Grootstad', 'Kleindorp', 'Middeldorp']);
    // The unfiltered path (trigger-kept counts per gemeente) and the grouping path give the same answer.
    const year = (await analist.get(`${NATIONAL_PREFIX}distribution?from=2026-01&to=2026-12`)).json;
    expect({ ...year, scope: null }).toEqual({ ...all, scope: null });
    expect(all.routeTotals.find((r: { route: string }) => r.route === 'onbekend').count).toBe(40 + 8 + 1);
    const small = (await analist.get(`${NATIONAL_PREFIX}distribution?gemeenten=Kleindorp`)).json;
    expect(small.total).toBeNull();
    expect(small.histogram.every((b: { count: number | null }) => b.count === null)).toBe(true);
    expect(small.conform.total.pctConform).toBeNull();

    // The large gemeente alone: every shown count equals the gemeente view's own.
    const national = (await analist.get(`${NATIONAL_PREFIX}distribution?gemeenten=Grootstad`)).json;
    const beheerder = new Client(service.url);
    await beheerder.login('beheerder');
    const own = (await beheerder.get(`${REVIEW_API_PREFIX}distribution`)).json;
    expect(national.total).toBe(own.total);
    let shown = 0;
    for (const [i, b] of national.histogram.entries()) {
      if (b.count === null) continue;
      expect(b.count).toBe(own.histogram[i].count);
      shown++;
    }
    expect(shown).toBeGreaterThanOrEqual(5);

    const conditions = (await analist.get(`${NATIONAL_PREFIX}conditions`)).json;
    const dims = conditions.dimensions.map((d: { dimension: string }) => d.dimension);
    expect(dims).toContain('interpreter');
    expect(dims).not.toContain('afnemer');
    expect(dims).not.toContain('location');
    const language = conditions.dimensions.find((d: { dimension: string }) => d.dimension === 'language');
    const ti = language.groups.find((g: { value: string }) => g.value === 'ti');
    expect(ti).toMatchObject({ n: null, mean: null, pctHaalbaar: null });
    const nl = language.groups.find((g: { value: string }) => g.value === 'nl');
    expect(nl.n).toBeGreaterThanOrEqual(MIN_CELL);
    // With 'ti' hidden, a second language must be hidden too, or 'ti' is the total minus the rest.
    expect(language.groups.filter((g: { n: number | null }) => g.n === null).length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('refuses an unknown gemeente, a backwards period and a day instead of a month, clearly', async () => {
    const analist = new Client(service.url);
    await analist.login('analist');
    const unknown = await analist.get(`${NATIONAL_PREFIX}distribution?gemeenten=Nergenshuizen`);
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Nergenshuizen');
    expect((await analist.get(`${NATIONAL_PREFIX}conditions?from=2026-05&to=2026-03`)).status).toBe(400);
    expect((await analist.get(`${NATIONAL_PREFIX}distribution?from=2026-05-03`)).status).toBe(400);
    expect((await analist.get(`${NATIONAL_PREFIX}distribution?deviceId=x`)).status).toBe(400);
  });

  it('logs every national read in the audit log, with the scope and no gemeente', async () => {
    const analist = new Client(service.url);
    await analist.login('analist');
    const before = await service.deps.db.selectFrom('audit_log').select('seq').execute();
    await analist.get(`${NATIONAL_PREFIX}conditions?gemeenten=Grootstad,Middeldorp&from=2026-04`);
    const entries = await service.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', before.length)
      .execute();
    expect(entries.map((e) => [e.actor, e.role, e.gemeente, e.action, e.why, e.subject])).toEqual([
      ['analist', 'analist', null, 'national.read', 'landelijke-analyse', 'conditions'],
    ]);
    expect(JSON.parse(entries[0]!.detail)).toEqual({
      gemeenten: 'Grootstad,Middeldorp',
      from: '2026-04',
      to: null,
      cesuur: null,
    });
  });

  it('gives the national endpoints to the analist only, and nothing of a gemeente to the analist', async () => {
    const names = await registeredNational();
    const anonymous = new Client(service.url);
    for (const name of names)
      expect((await anonymous.get(REVIEW_API_PREFIX + reviewPath(name))).status).toBe(401);
    for (const role of ['viewer', 'consulent', 'beheerder', 'privacy']) {
      const client = new Client(service.url);
      expect((await client.login(role)).status).toBe(200);
      for (const name of names) {
        const answer = await client.get(REVIEW_API_PREFIX + reviewPath(name));
        expect(answer.status, `${role} ${name}`).toBe(403);
      }
    }
    const analist = new Client(service.url);
    await analist.login('analist');
    const own = new Set<ReviewEndpointName>(['session', 'login', 'logout', 'changePassword', ...names]);
    const params = {
      id: '0190b8c2-0000-7000-8000-000000000000',
      username: 'viewer',
      file: 'results.csv',
      ref: 'K-1',
    };
    for (const name of reviewEndpointNames.filter((n) => !own.has(n))) {
      const spec = reviewApi[name];
      const body = spec.method === 'GET' || spec.method === 'DELETE' ? undefined : {};
      const answer = await analist.call(spec.method, REVIEW_API_PREFIX + reviewPath(name, params), body);
      expect(answer.status, `analist ${name}: ${answer.text}`).toBe(403);
    }
  });
});
