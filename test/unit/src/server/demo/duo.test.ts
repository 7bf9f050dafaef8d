/**
 * The DUO reproduction (issue 9): the 2,320 results of the DUO report (peildatum 16-11-2023, lbt-brief.md) go
 * into the service and the dashboard's band-by-route table and conform table must give the report's numbers
 * exactly. Every result is device-signed and passes the service's ingest code (schema, signature, re-score and
 * the group-commit writer); one in ten also travels over HTTP (POST /v1/results), the rest is handed to the same
 * check + writer in-process, which keeps this test to seconds on a loaded machine. Likewise one in ten
 * leerroutes is recorded through PUT .../leerroute, the rest through the same server function.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDemoDevice, demoReason } from '../../../../../src/cli/demo/run';
import { signedDemoResult } from '../../../../../src/cli/demo/record';
import { DUO_CONFORM, DUO_TABLE, DUO_TOTAL } from '../../../../../src/server/demo/duo-table';
import { planDemo, prng } from '../../../../../src/server/demo/plan';
import { checkResult } from '../../../../../src/server/ingest/check';
import { isConform } from '../../../../../src/shared/scoring/rules';
import type { ServiceDeps } from '../../../../../src/server/service-deps';
import type { RecordLeerrouteRequest } from '../../../../../src/shared/review';
import { recordLeerroute } from '../../../../../src/server/review/leerroute';
import {
  addUser,
  Client,
  realPackage,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

describe('the DUO data set', () => {
  let service: ReviewService;
  let client: Client;
  const viaHttp = { results: 0, routes: 0 };

  beforeAll(async () => {
    service = await startReviewService('sqlite');
    const deps = service.deps as ServiceDeps;
    const pkg = realPackage();
    const plans = planDemo({ count: DUO_TOTAL, end: new Date('2023-11-16T12:00:00.000Z') });
    const device = await enrollDemoDevice(service.url, deps, 'Utrecht', 'DUO-kiosk');
    const random = prng(11);
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = worker; i < plans.length; i += 8) {
          const text = JSON.stringify(
            signedDemoResult(pkg, device, 'Utrecht', plans[i]!, random, `DUO-${i}`),
          );
          ids[i] = JSON.parse(text).payload.resultId;
          if (i % 10 === 0) {
            const response = await fetch(`${service.url}/v1/results`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: text,
            });
            expect(response.status).toBe(201);
            viaHttp.results++;
          } else {
            const checked = await checkResult(deps.db, deps.packages, text);
            expect(checked.flags).toEqual([]);
            expect((await deps.writer.write(checked)).kind).toBe('stored');
          }
        }
      }),
    );

    await addUser(service, 'duo-consulent', 'Utrecht', 'consulent');
    client = new Client(service.url);
    expect((await client.login('duo-consulent')).status).toBe(200);
    const bodies = plans.map((p): RecordLeerrouteRequest | null =>
      p.route === 'onbekend'
        ? null
        : { route: p.route, ...(isConform(p.route, p.raw, 28) ? {} : demoReason(p, pkg.definition, random)) },
    );
    for (const [i, body] of bodies.entries()) {
      if (body && i % 10 === 0) {
        const answer = await client.call('PUT', `/v1/review/results/${ids[i]}/leerroute`, body);
        expect(answer.status).toBe(200);
        viaHttp.routes++;
      }
    }
    await deps.db.transaction().execute(async (trx) => {
      for (const [i, body] of bodies.entries()) {
        if (body && i % 10 !== 0)
          await recordLeerroute(trx, deps.now(), { username: 'duo', gemeente: 'Utrecht' }, ids[i]!, body);
      }
    });
  }, 240_000);

  afterAll(async () => service?.stop());

  it('stores all 2,320 results, a tenth of them over HTTP', async () => {
    const row = await service.deps.db
      .selectFrom('results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(row.n)).toBe(DUO_TOTAL);
    expect(viaHttp.results).toBe(232);
    expect(viaHttp.routes).toBeGreaterThan(150);
  });

  it('reproduces the band-by-route table of the report', async () => {
    const d = (await client.get('/v1/review/distribution')).json;
    expect(d.total).toBe(2320);
    expect(d.bands.map((b: { band: { label: string } }) => b.band.label)).toEqual([
      '<20',
      '20-27',
      '28-30',
      '>30',
    ]);
    for (const row of d.bands as Array<{
      band: { key: keyof typeof DUO_TABLE };
      cells: Array<{ route: string; count: number }>;
      total: number;
    }>) {
      const expected = DUO_TABLE[row.band.key];
      expect(Object.fromEntries(row.cells.map((c) => [c.route, c.count]))).toEqual(expected);
      expect(row.total).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    }
    // The report's row totals and column totals.
    expect(d.bands.map((b: { total: number }) => b.total)).toEqual([341, 313, 190, 1476]);
    expect(d.routeTotals).toEqual([
      { route: 'B1', count: 1385 },
      { route: 'O', count: 207 },
      { route: 'Z', count: 365 },
      { route: 'onbekend', count: 363 },
    ]);
  });

  it('reproduces the conform / anders-dan-uitslag table (88% / 12%)', async () => {
    const c = (await client.get('/v1/review/distribution')).json.conform;
    for (const row of c.rows as Array<{ route: keyof typeof DUO_CONFORM; conform: number; anders: number }>) {
      expect({ conform: row.conform, anders: row.anders }).toEqual(DUO_CONFORM[row.route]);
    }
    expect(c.rows.map((r: { conform: number }) => r.conform)).toEqual([1203, 183, 330]);
    expect(c.rows.map((r: { anders: number }) => r.anders)).toEqual([182, 24, 35]);
    expect(Math.round(c.total.pctConform)).toBe(88);
    expect(Math.round(c.total.pctAnders)).toBe(12);
  });

  it('exports the same table as CSV', async () => {
    const csv = (await client.get('/v1/review/export/distribution.csv')).text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv.slice(1)).toEqual([
      '<20;58;6;220;57;341;14,7',
      '20-27;124;18;110;61;313;13,5',
      '28-30;127;12;19;32;190;8,2',
      '>30;1076;171;16;213;1476;63,6',
      'Totaal;1385;207;365;363;2320;100',
    ]);
  });
});
