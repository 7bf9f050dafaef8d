/**
 * The review API against the real service (HTTP on 127.0.0.1, SQLite and PostgreSQL): login and sessions,
 * CSRF, roles, gemeente isolation, and the exact numbers of the tables on a seeded set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const EXPLANATION = 'Sterk gemotiveerd en hoog opgeleid in het land van herkomst.';

describe.each(DB_KINDS)('review API on %s', (kind) => {
  let service: ReviewService;
  let a: string[];
  let b: string[];

  beforeAll(async () => {
    service = await startReviewService(kind);
    // Gemeente A: ten results around the cesuur (28); gemeente B: three more that A must never see.
    a = await seed(service, 'Utrecht', [
      plan(10, 'Z', '2026-05-01T10:00:00.000Z', { interpreter: true, input: 'mouse' }),
      plan(22, 'B1', '2026-05-02T10:00:00.000Z'),
      plan(27, 'Z', '2026-05-03T10:00:00.000Z'),
      plan(28, 'B1', '2026-05-04T10:00:00.000Z'),
      plan(29, 'Z', '2026-05-05T10:00:00.000Z'),
      plan(30, 'O', '2026-05-06T10:00:00.000Z'),
      plan(31, 'B1', '2026-05-07T10:00:00.000Z'),
      plan(35, 'B1', '2026-05-08T10:00:00.000Z'),
      plan(38, 'onbekend', '2026-05-09T10:00:00.000Z'),
      plan(40, 'B1', '2026-05-10T10:00:00.000Z', { interpreter: true }),
    ]);
    b = await seed(service, 'Amersfoort', [
      plan(15, 'Z', '2026-05-01T10:00:00.000Z'),
      plan(33, 'B1', '2026-05-02T10:00:00.000Z'),
      plan(36, 'onbekend', '2026-05-03T10:00:00.000Z'),
    ]);
    const routes = ['Z', 'B1', 'Z', 'B1', 'Z', 'O', 'B1', 'B1', null, 'B1'] as const;
    for (const [i, r] of routes.entries()) {
      if (!r) continue;
      const deviating = (i === 1 || i === 4) as boolean;
      await route(service, 'Utrecht', a[i]!, {
        route: r,
        ...(deviating ? { reason: 'motivatie-opleiding', explanation: EXPLANATION } : {}),
      });
    }
    await route(service, 'Amersfoort', b[0]!, { route: 'Z' });
    await route(service, 'Amersfoort', b[1]!, { route: 'B1' });
    await addUser(service, 'a-consulent', 'Utrecht', 'consulent');
    await addUser(service, 'a-viewer', 'Utrecht', 'viewer');
    await addUser(service, 'a-beheerder', 'Utrecht', 'beheerder');
    await addUser(service, 'b-consulent', 'Amersfoort', 'consulent');
  }, 120_000);

  afterAll(async () => service?.stop());

  it('refuses every API call without a session with a 401 problem', async () => {
    const client = new Client(service.url);
    const answer = await client.get('/v1/review/distribution');
    expect(answer.status).toBe(401);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.json.code).toBe('unauthorized');
  });

  it('refuses a login without the pre-session CSRF token, and a wrong password', async () => {
    const client = new Client(service.url);
    const noToken = await client.call('POST', '/v1/review/login', { username: 'a-consulent', password: 'x' });
    expect(noToken.status).toBe(403);
    const wrong = await client.login('a-consulent', 'niet-het-goede-wachtwoord');
    expect(wrong.status).toBe(401);
    const unknown = await client.login('niemand-hier', 'niet-het-goede-wachtwoord');
    expect(unknown.status).toBe(401);
    expect(unknown.json.detail).toBe(wrong.json.detail);
  });

  it('logs in with an HttpOnly SameSite=Strict cookie and reports the user', async () => {
    const client = new Client(service.url);
    const session = await client.get('/v1/review/session');
    expect(session.json.user).toBeNull();
    const response = await fetch(`${service.url}/v1/review/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': session.json.csrfToken,
      },
      body: JSON.stringify({ username: 'a-consulent', password: 'een-lang-wachtwoord' }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lbt_review='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const body = (await response.json()) as { user: unknown };
    expect(body.user).toEqual({ username: 'a-consulent', gemeente: 'Utrecht', role: 'consulent' });
  });

  it('gives the histogram, band table and conform table of the seeded set exactly', async () => {
    const client = new Client(service.url);
    expect((await client.login('a-consulent')).status).toBe(200);
    const d = (await client.get('/v1/review/distribution')).json;
    expect(d.cesuur).toBe(28);
    expect(d.max).toBe(40);
    expect(d.total).toBe(10);
    expect(d.twijfelzone).toEqual({ from: 26, to: 30 });
    const nonZero = d.histogram
      .filter((bin: { count: number }) => bin.count > 0)
      .map((bin: { raw: number }) => bin.raw);
    expect(nonZero).toEqual([10, 22, 27, 28, 29, 30, 31, 35, 38, 40]);
    const table = Object.fromEntries(
      d.bands.map(
        (row: { band: { label: string }; cells: Array<{ route: string; count: number }>; total: number }) => [
          row.band.label,
          [...row.cells.map((c) => c.count), row.total],
        ],
      ),
    );
    expect(table).toEqual({
      '<20': [0, 0, 1, 0, 1],
      '20-27': [1, 0, 1, 0, 2],
      '28-30': [1, 1, 1, 0, 3],
      '>30': [3, 0, 0, 1, 4],
    });
    expect(d.conform.rows).toEqual([
      { route: 'B1', conform: 4, anders: 1, total: 5, pctConform: 80, pctAnders: 20 },
      { route: 'O', conform: 1, anders: 0, total: 1, pctConform: 100, pctAnders: 0 },
      { route: 'Z', conform: 2, anders: 1, total: 3, pctConform: 66.7, pctAnders: 33.3 },
    ]);
    expect(d.conform.total).toEqual({ conform: 7, anders: 2, total: 9, pctConform: 77.8, pctAnders: 22.2 });
  });

  it('gives the same tables from the trigger-kept counts as from the filtered join', async () => {
    const client = new Client(service.url);
    await client.login('a-viewer');
    const counted = (await client.get('/v1/review/distribution')).json;
    // A filter that keeps everything takes the other path: the GROUP BY over results joined with leerroutes.
    const joined = (await client.get('/v1/review/distribution?from=2000-01-01')).json;
    expect(joined.total).toBe(10);
    expect(counted).toEqual(joined);
  });

  it('what-if cesuur 31 changes exactly the 28-30 results, one per route', async () => {
    const client = new Client(service.url);
    await client.login('a-viewer');
    const w = (await client.get('/v1/review/what-if?cesuur=31')).json;
    expect(w.total).toEqual({ total: 10, changed: 3, naarHaalbaar: 0, naarNietHaalbaar: 3 });
    expect(
      w.byBand.map((b: { band: { label: string }; changed: number }) => [b.band.label, b.changed]),
    ).toEqual([
      ['<20', 0],
      ['20-27', 0],
      ['28-30', 3],
      ['>30', 0],
    ]);
    expect(w.byRoute.map((r: { route: string; changed: number }) => [r.route, r.changed])).toEqual([
      ['B1', 1],
      ['O', 1],
      ['Z', 1],
      ['onbekend', 0],
    ]);
    // Under 31 the O placement at 30 and the B1 placement at 28 go against the advice; Z at 29 follows it.
    expect(w.conform.total).toEqual({ conform: 6, anders: 3, total: 9, pctConform: 66.7, pctAnders: 33.3 });
    const lower = (await client.get('/v1/review/what-if?cesuur=25')).json;
    expect(lower.total).toEqual({ total: 10, changed: 1, naarHaalbaar: 1, naarNietHaalbaar: 0 });
    expect((await client.get('/v1/review/what-if')).status).toBe(400);
  });

  it('filters by interpreter and period, and refuses an unknown filter value', async () => {
    const client = new Client(service.url);
    await client.login('a-viewer');
    expect((await client.get('/v1/review/distribution?interpreter=ja')).json.total).toBe(2);
    expect((await client.get('/v1/review/distribution?from=2026-05-03&to=2026-05-05')).json.total).toBe(3);
    expect((await client.get('/v1/review/distribution?inputType=mouse')).json.total).toBe(1);
    const bad = await client.get('/v1/review/distribution?interpreter=misschien');
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('invalid');
    expect((await client.get('/v1/review/distribution?gemeente=Amersfoort')).status).toBe(400);
  });

  it('finds results by the start of the candidate reference, ignoring case, in its own gemeente only', async () => {
    const client = new Client(service.url);
    await client.login('a-viewer');
    const refs = async (query: string) => {
      const answer = await client.get(`/v1/review/results?${query}`);
      expect(answer.status).toBe(200);
      return (answer.json.rows as { candidateRef: string }[]).map((row) => row.candidateRef).sort();
    };
    expect(await refs('candidate=K-1')).toEqual(['K-1', 'K-10']);
    expect(await refs('candidate=k-10')).toEqual(['K-10']);
    // Amersfoort has a K-3 as well; Utrecht's search finds only its own.
    const k3 = (await client.get('/v1/review/results?candidate=K-3')).json;
    expect(k3.total).toBe(1);
    expect(k3.rows[0].resultId).toBe(a[2]);
    // With the route filter: K-1 went to Z, K-10 to B1.
    expect(await refs('candidate=K-1&route=B1')).toEqual(['K-10']);
    // What is typed is matched as text: % and _ are no wildcards.
    expect(await refs('candidate=%25')).toEqual([]);
    expect(await refs('candidate=K_1')).toEqual([]);
    expect((await client.get('/v1/review/results?candidate=')).status).toBe(400);
  });

  it("never shows another gemeente's results: 404 for their ids, absent from every table", async () => {
    const client = new Client(service.url);
    await client.login('a-consulent');
    const sheet = await client.get(`/v1/review/results/${b[1]}`);
    expect(sheet.status).toBe(404);
    const missing = await client.get('/v1/review/results/01900000-0000-7000-8000-000000000000');
    expect(missing.json.detail.replace(/\S+\.$/, '')).toBe(sheet.json.detail.replace(/\S+\.$/, ''));
    const put = await client.call('PUT', `/v1/review/results/${b[0]}/leerroute`, { route: 'B1' });
    expect(put.status).toBe(404);
    const list = (await client.get('/v1/review/results?limit=500')).json;
    expect(list.total).toBe(10);
    expect(list.rows.map((r: { resultId: string }) => r.resultId).sort()).toEqual([...a].sort());
    const other = new Client(service.url);
    await other.login('b-consulent');
    expect((await other.get('/v1/review/distribution')).json.total).toBe(3);
    expect((await other.get(`/v1/review/results/${a[0]}`)).status).toBe(404);
  });

  it('refuses state changes without the CSRF header or with a token of another session', async () => {
    const client = new Client(service.url);
    await client.login('a-consulent');
    const missing = await client.call(
      'PUT',
      `/v1/review/results/${a[8]}/leerroute`,
      { route: 'B1' },
      { 'x-csrf-token': '' },
    );
    expect(missing.status).toBe(403);
    const other = new Client(service.url);
    await other.login('a-beheerder');
    const foreign = await client.call(
      'PUT',
      `/v1/review/results/${a[8]}/leerroute`,
      { route: 'B1' },
      { 'x-csrf-token': other.csrf },
    );
    expect(foreign.status).toBe(403);
    const sheet = (await client.get(`/v1/review/results/${a[8]}`)).json;
    expect(sheet.leerroute).toBeNull();
  });

  it('lets a consulent record routes, requires a reason against the advice, and refuses a viewer', async () => {
    const viewer = new Client(service.url);
    await viewer.login('a-viewer');
    const refused = await viewer.call('PUT', `/v1/review/results/${a[8]}/leerroute`, { route: 'B1' });
    expect(refused.status).toBe(403);

    const consulent = new Client(service.url);
    await consulent.login('a-consulent');
    // Score 38 placed in Z goes against the advice.
    const noReason = await consulent.call('PUT', `/v1/review/results/${a[8]}/leerroute`, { route: 'Z' });
    expect(noReason.status).toBe(422);
    expect(noReason.json.issues).toEqual(expect.arrayContaining([expect.stringContaining('$.reason')]));
    const shortText = await consulent.call('PUT', `/v1/review/results/${a[8]}/leerroute`, {
      route: 'Z',
      reason: 'medisch',
      explanation: 'kort',
    });
    expect(shortText.status).toBe(400);
    expect((await consulent.get(`/v1/review/results/${a[8]}`)).json.leerroute).toBeNull();

    const ok = await consulent.call('PUT', `/v1/review/results/${a[8]}/leerroute`, {
      route: 'Z',
      reason: 'medisch',
      explanation: 'Langdurig ziek; B1 is binnen drie jaar niet haalbaar.',
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      route: 'Z',
      conform: false,
      reason: 'medisch',
      recordedBy: 'a-consulent',
    });
    const sheet = (await consulent.get(`/v1/review/results/${a[8]}`)).json;
    expect(sheet.leerroute.route).toBe('Z');
    expect(sheet.outcomeText).toBe('B1-route haalbaar');
    expect(sheet.outcomeNote).toContain('niet hetzelfde als de Z-route');
    // Back to "conform": no reason needed; the table follows.
    const conform = await consulent.call('PUT', `/v1/review/results/${a[8]}/leerroute`, { route: 'B1' });
    expect(conform.json).toMatchObject({ route: 'B1', conform: true, reason: null });
    const d = (await consulent.get('/v1/review/distribution')).json;
    expect(d.conform.total.total).toBe(10);
    await consulent.call('PUT', `/v1/review/results/${a[8]}/leerroute`, { route: 'B1' });
  });

  it('shows item statistics to a beheerder only', async () => {
    const viewer = new Client(service.url);
    await viewer.login('a-viewer');
    const plain = (await viewer.get('/v1/review/reliability')).json;
    expect(plain.n).toBe(10);
    expect(plain.itemStatistics).toBeNull();
    const beheerder = new Client(service.url);
    await beheerder.login('a-beheerder');
    const full = (await beheerder.get('/v1/review/reliability')).json;
    expect(full.itemStatistics).toHaveLength(40);
    expect(full.kr20).toBe(plain.kr20);
  });

  it('gives the result sheet with conditions, flags and incidents', async () => {
    const client = new Client(service.url);
    await client.login('a-viewer');
    const sheet = (await client.get(`/v1/review/results/${a[0]}`)).json;
    expect(sheet).toMatchObject({
      raw: 10,
      cesuur: 28,
      outcome: 'niet-haalbaar',
      outcomeText: 'B1-route niet haalbaar',
    });
    expect(sheet.conditions).toEqual(
      expect.arrayContaining([
        { label: 'Tolk', value: 'Met tolk' },
        { label: 'Invoer', value: 'Muis' },
      ]),
    );
    expect(sheet.flags.map((f: { flag: string }) => f.flag)).toEqual(['mouse-used']);
  });

  it('marks small groups in the conditions view', async () => {
    const client = new Client(service.url);
    await client.login('a-viewer');
    const c = (await client.get('/v1/review/conditions?minGroup=2')).json;
    const input = c.dimensions.find((d: { dimension: string }) => d.dimension === 'inputType');
    expect(
      input.groups.map((g: { value: string; n: number; tooSmall: boolean }) => [g.value, g.n, g.tooSmall]),
    ).toEqual([
      ['mouse', 1, true],
      ['touch', 9, false],
    ]);
    const flags = c.dimensions.find((d: { dimension: string }) => d.dimension === 'flag');
    expect(flags.groups.map((g: { value: string; n: number }) => [g.value, g.n])).toEqual([
      ['geen', 9],
      ['mouse-used', 1],
    ]);
  });

  it('exports the band table as Dutch CSV', async () => {
    const client = new Client(service.url);
    await client.login('a-viewer');
    const csv = await client.get('/v1/review/export/distribution.csv');
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Score (cesuur 28);B1-route;Onderwijsroute;Z-route;Nog niet bekend;Totaal;% van totaal',
    );
    expect(lines[3]).toBe('28-30;1;1;1;0;3;30');
    expect((await client.get('/v1/review/export/secrets.csv')).status).toBe(404);
  });

  it("exports the results in Dutch and with the Gemeentelijk Gegevensmodel's names: the same rows, cell for cell", async () => {
    const client = new Client(service.url);
    await client.login('a-viewer');
    const read = async (file: string) => {
      const answer = await client.get(`/v1/review/export/${file}`);
      expect(answer.status).toBe(200);
      return answer.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(';'));
    };
    const [dutchHead, ...dutchRows] = await read('results.csv');
    const [ggmHead, ...ggmRows] = await read('results-ggm.csv');
    expect(dutchHead).toContain('Uitslag');
    expect(ggmHead).toHaveLength(dutchHead!.length);
    // Where the GGM (model Inburgering) has the field, its name; the rest carry the product's own prefix.
    expect(ggmHead![dutchHead!.indexOf('Uitslag')]).toBe('Inburgeringsplicht.UitkomstLeerbaarheidstoets');
    expect(ggmHead![dutchHead!.indexOf('Leerroute')]).toBe('Leerroute.LeerrouteType');
    expect(ggmHead!.every((name) => /^(Inburgeringsplicht|Leerroute|LbtKiosk)\.[A-Za-z]+$/.test(name))).toBe(
      true,
    );
    expect(ggmRows).toEqual(dutchRows);
    expect(ggmRows.length).toBeGreaterThan(0);
  });

  it('ends the session at logout and locks a username from one address after repeated wrong passwords', async () => {
    const client = new Client(service.url);
    await client.login('a-viewer');
    expect((await client.call('POST', '/v1/review/logout')).status).toBe(204);
    expect((await client.get('/v1/review/distribution')).status).toBe(401);

    await addUser(service, 'a-lock', 'Utrecht', 'viewer');
    const guesser = new Client(service.url);
    for (let i = 0; i < 5; i++)
      expect((await guesser.login('a-lock', `fout-${i}-wachtwoord`)).status).toBe(401);
    expect((await guesser.login('a-lock')).status).toBe(429);
    // Only this address is locked; test/unit/src/server/review/login-limits.test.ts covers other addresses and the ceiling.
    service.clock.advance(16 * 60_000);
    expect((await guesser.login('a-lock')).status).toBe(200);
  });

  it('redirects / to the dashboard', async () => {
    const response = await fetch(`${service.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/review/');
  });
});
