/**
 * The review tally against the database itself: on random stored results (both databases), for random
 * combinations of the review filters, the tally's scan selects exactly the results scope.ts's SQL selects, and
 * its counts by (raw, cesuur, route, outcome) and by each condition column equal the database's GROUP BY.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsTable } from '../../../../../../src/server/db/tables';
import { conditions } from '../../../../../../src/server/review/conditions';
import { reliability } from '../../../../../../src/server/review/reliability';
import { listResults } from '../../../../../../src/server/review/result-list';
import { scopedResults } from '../../../../../../src/server/review/scope';
import { countBy, scan } from '../../../../../../src/server/review/tally/scan';
import type { CodedColumn } from '../../../../../../src/server/review/tally/store';
import { ReviewTally } from '../../../../../../src/server/review/tally/sync';
import type { ReviewFilters } from '../../../../../../src/shared/review';
import { SimulationRng } from '../../../../../psychometrics/simulate';
import {
  DB_KINDS,
  plan,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../../support/review-support';
import { insertRandomResults, randomFilters, randomRoutes } from '../../../../../support/tally-data';

const GEMEENTE = 'GM0363';
const OTHER = 'GM0599';

describe.each(DB_KINDS)('the review tally on %s', (kind) => {
  let service: ReviewService;
  let devices: string[];

  beforeAll(async () => {
    service = await startReviewService(kind);
    await seed(service, GEMEENTE, [plan(30, 'B1', '2026-02-01T10:00:00Z')]);
    await seed(service, GEMEENTE, [plan(12, 'Z', '2026-02-02T10:00:00Z')]);
    await seed(service, OTHER, [plan(25, 'O', '2026-02-03T10:00:00Z')]);
    const db = service.deps.db;
    const byGemeente = async (g: string) =>
      (await db.selectFrom('devices').select('device_id').where('gemeente', '=', g).execute()).map(
        (d) => d.device_id,
      );
    devices = await byGemeente(GEMEENTE);
    const template = (await db.selectFrom('results').selectAll().executeTakeFirstOrThrow()) as ResultsTable;
    const rng = new SimulationRng(20);
    const ids = await insertRandomResults(db, rng, template, {
      prefix: 'r',
      count: 1500,
      gemeenten: { [GEMEENTE]: devices, [OTHER]: await byGemeente(OTHER) },
    });
    await randomRoutes(db, rng, ids);
  }, 120_000);
  afterAll(() => service?.stop());

  async function sqlIds(filters: ReviewFilters, completedOnly: boolean): Promise<string[]> {
    const rows = await scopedResults(service.deps.db, GEMEENTE, filters, { completedOnly })
      .select('results.result_id')
      .execute();
    return rows.map((r) => r.result_id).sort();
  }

  it('selects the same results as the SQL filters, for 80 random filter combinations', async () => {
    const tally = new ReviewTally(service.deps.db);
    const segments = await tally.fresh(GEMEENTE);
    const rng = new SimulationRng(3);
    let nonEmpty = 0;
    for (let round = 0; round < 80; round++) {
      const filters = randomFilters(rng, devices);
      for (const completedOnly of [true, false]) {
        const ids: string[] = [];
        scan(tally.store, segments, filters, { completedOnly }, (segment, i) => ids.push(segment.idAt(i)));
        const expected = await sqlIds(filters, completedOnly);
        expect(ids.sort(), JSON.stringify({ filters, completedOnly })).toEqual(expected);
        if (expected.length > 0) nonEmpty++;
      }
    }
    // The filters must mostly select something, or equality proves little.
    expect(nonEmpty).toBeGreaterThan(80);
  });

  it('counts by score, cesuur, route and outcome as the database groups them', async () => {
    const tally = new ReviewTally(service.deps.db);
    const segments = await tally.fresh([GEMEENTE, OTHER]);
    const rng = new SimulationRng(5);
    for (let round = 0; round < 20; round++) {
      const filters = round === 0 ? {} : randomFilters(rng, devices);
      const [counted] = countBy(tally.store, segments, filters, { completedOnly: true }, [
        ['raw', 'cesuur', 'route', 'outcome'],
      ]);
      const rows = await scopedResults(service.deps.db, [GEMEENTE, OTHER], filters, { completedOnly: true })
        .select([
          'results.raw',
          'results.cesuur',
          'l.route',
          'results.outcome',
          sql<number | string>`count(*)`.as('n'),
        ])
        .groupBy(['results.raw', 'results.cesuur', 'l.route', 'results.outcome'])
        .execute();
      const line = (v: unknown[], n: unknown) => `${v.map(String).join('|')}=${Number(n)}`;
      expect(counted!.map((c) => line(c.values, c.n)).sort(), JSON.stringify(filters)).toEqual(
        rows.map((r) => line([r.raw, r.cesuur, r.route, r.outcome], r.n)).sort(),
      );
    }
  });

  it('counts every condition column in one pass as one GROUP BY each would', async () => {
    const tally = new ReviewTally(service.deps.db);
    const segments = await tally.fresh(GEMEENTE);
    const columns: CodedColumn[] = ['practiced', 'group_size', 'interpreter_language', 'afnemer_id', 'shell'];
    const filters: ReviewFilters = { doelgroep: 'gezinsmigrant' };
    const counted = countBy(
      tally.store,
      segments,
      filters,
      { completedOnly: true },
      columns.map((c) => [c, 'raw']),
    );
    for (const [i, column] of columns.entries()) {
      const rows = await scopedResults(service.deps.db, GEMEENTE, filters, { completedOnly: true })
        .select([
          sql<unknown>`${sql.ref(`results.${column}`)}`.as('v'),
          'results.raw',
          sql<number>`count(*)`.as('n'),
        ])
        .groupBy([sql.ref(`results.${column}`), 'results.raw'])
        .execute();
      const line = (v: unknown, raw: unknown, n: unknown) =>
        `${v === null ? 'null' : String(v)}|${Number(raw)}=${Number(n)}`;
      expect(counted[i]!.map((c) => line(c.values[0], c.values[1], c.n)).sort(), column).toEqual(
        rows.map((r) => line(r.v, r.raw, r.n)).sort(),
      );
    }
  });

  it('lists the same page and total as the SQL list, newest first, for random filters, routes and offsets', async () => {
    const rng = new SimulationRng(8);
    for (let round = 0; round < 30; round++) {
      const filters = randomFilters(rng, devices);
      const route = ([undefined, 'B1', 'O', 'Z', 'onbekend'] as const)[Math.floor(rng.next() * 5)];
      const offset = Math.floor(rng.next() * 3) * 40;
      const listed = await listResults(service.deps.db, GEMEENTE, { ...filters, route, limit: 50, offset });
      let q = scopedResults(service.deps.db, GEMEENTE, filters, { completedOnly: false });
      if (route === 'onbekend') q = q.where('l.route', 'is', null);
      else if (route) q = q.where('l.route', '=', route);
      const all = await q
        .select('results.result_id')
        .orderBy('results.closed_at', 'desc')
        .orderBy('results.result_id')
        .execute();
      const context = JSON.stringify({ filters, route, offset });
      expect(listed.total, context).toBe(all.length);
      expect(
        listed.rows.map((r) => r.resultId),
        context,
      ).toEqual(all.slice(offset, offset + 50).map((r) => r.result_id));
    }
  });

  it('gives the reliability view the item p-values and mean the rows themselves give', async () => {
    const rng = new SimulationRng(12);
    for (let round = 0; round < 8; round++) {
      const filters = round === 0 ? {} : randomFilters(rng, devices);
      const view = await reliability(service.deps.db, GEMEENTE, filters, true);
      const rows = await scopedResults(service.deps.db, GEMEENTE, filters, { completedOnly: true })
        .select(['results.item_pattern', 'results.raw'])
        .execute();
      expect(view.n, JSON.stringify(filters)).toBe(rows.length);
      if (rows.length < 2) continue;
      const mean = rows.reduce((sum, r) => sum + r.raw, 0) / rows.length;
      expect(view.mean).toBeCloseTo(mean, 1);
      const p = Array.from({ length: 40 }, (_, item) => {
        const right = rows.filter((r) => r.item_pattern[item] === '1').length;
        return Math.round((right / rows.length) * 1000) / 1000;
      });
      expect(
        view.itemStatistics!.map((item) => item.p),
        JSON.stringify(filters),
      ).toEqual(p);
    }
  });

  it('splits the conditions view by each condition as the rows themselves split', async () => {
    const rng = new SimulationRng(14);
    const dimensions = {
      practiced: 'practiced',
      groupSize: 'group_size',
      language: 'language',
      shell: 'shell',
      quietRoom: 'quiet_room',
      interpreterLanguage: 'interpreter_language',
      afnemer: 'afnemer_id',
    } as const;
    for (let round = 0; round < 6; round++) {
      const filters = round === 0 ? {} : randomFilters(rng, devices);
      const view = await conditions(service.deps.db, GEMEENTE, filters, { minGroup: 1 });
      for (const [dimension, column] of Object.entries(dimensions)) {
        const rows = await scopedResults(service.deps.db, GEMEENTE, filters, { completedOnly: true })
          .select([sql<unknown>`${sql.ref(`results.${column}`)}`.as('v'), sql<number>`count(*)`.as('n')])
          .groupBy(sql.ref(`results.${column}`))
          .execute();
        const split = view.dimensions.find((d) => d.dimension === dimension)!;
        expect(
          split.groups.map((g) => `${g.value}=${g.n}`).sort(),
          `${dimension} ${JSON.stringify(filters)}`,
        ).toEqual(rows.map((r) => `${r.v === null ? 'onbekend' : String(r.v)}=${Number(r.n)}`).sort());
      }
    }
  });

  it('matches nothing, without error, for a value no result has', async () => {
    const tally = new ReviewTally(service.deps.db);
    const segments = await tally.fresh(GEMEENTE);
    let seen = 0;
    scan(tally.store, segments, { deviceId: 'geen-kiosk' }, { completedOnly: false }, () => seen++);
    expect(seen).toBe(0);
    // An empty set of gemeenten (the national view with nothing chosen) holds nothing either.
    const none = await tally.fresh([]);
    expect(none.reduce((n, s) => n + s.live, 0)).toBe(0);
  });
});
