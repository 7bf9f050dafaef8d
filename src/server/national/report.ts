/**
 * The national view's numbers: the gemeente views' own SQL (distribution.ts, conditions.ts) run over a set of
 * gemeenten, then one suppression over every count the view publishes. Both national endpoints answer slices of
 * this one report, so a cell hidden in one answer cannot be recovered from the other.
 */
import type { Kysely } from 'kysely';
import {
  MIN_CELL,
  NATIONAL_DIMENSIONS,
  type BandKey,
  type ConditionsResponse,
  type DistributionResponse,
  type NationalConditions,
  type NationalDistribution,
  type NationalQuery,
  type RouteKey,
} from '../../shared/review';
import type { Database } from '../db/tables';
import { ProblemError } from '../http/problem';
import { bandOf, pct } from '../review/bands';
import { conditions } from '../review/conditions';
import { distribution } from '../review/distribution';
import { tallyFor } from '../review/tally/sync';
import { suppress, type Sum } from './suppress';

export interface NationalReport {
  distribution: NationalDistribution;
  conditions: NationalConditions;
}

/**
 * The gemeenten that have results, by name: what the chooser offers and what "all" means. Every gemeente that
 * ever had a result has a head (migration 020); the tally says which still hold one.
 */
export async function gemeentenWithResults(db: Kysely<Database>): Promise<string[]> {
  const heads = await db.selectFrom('review_heads').select('gemeente').execute();
  const segments = await tallyFor(db).fresh(heads.map((h) => h.gemeente));
  return segments
    .filter((s) => s.live > 0)
    .map((s) => s.gemeente)
    .sort();
}

function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

export async function nationalReport(db: Kysely<Database>, query: NationalQuery): Promise<NationalReport> {
  const known = await gemeentenWithResults(db);
  const gemeenten = query.gemeenten ?? known;
  const unknown = gemeenten.filter((g) => !known.includes(g));
  if (unknown.length > 0) {
    throw new ProblemError(
      400,
      'invalid',
      `No results of gemeente ${unknown.slice(0, 5).join(', ')}; choose from national/options.`,
    );
  }
  if (query.from && query.to && query.from > query.to) {
    throw new ProblemError(400, 'invalid', `The period runs backwards: from ${query.from} to ${query.to}.`);
  }
  const filters = {
    ...(query.from ? { from: `${query.from}-01` } : {}),
    ...(query.to ? { to: lastDayOf(query.to) } : {}),
  };
  const [dist, cond] = await Promise.all([
    distribution(db, gemeenten, filters, query.cesuur),
    conditions(db, gemeenten, filters, {
      ...(query.cesuur === undefined ? {} : { cesuur: query.cesuur }),
      minGroup: 1,
    }),
  ]);
  const scope = { gemeenten: [...gemeenten], from: query.from ?? null, to: query.to ?? null };
  return publish(scope, dist, cond);
}

const BANDS: readonly BandKey[] = ['onder-20', 'onder-cesuur', 'rond-cesuur', 'boven'];
const HAALBAAR_BANDS: readonly BandKey[] = ['rond-cesuur', 'boven'];
const NIET_HAALBAAR_BANDS: readonly BandKey[] = ['onder-20', 'onder-cesuur'];
const nationalDimension = (d: string) => NATIONAL_DIMENSIONS.safeParse(d).success;

/** Cell ids: one name per count, shared where two tables show the same count (a route's total). */
const id = {
  total: 'total',
  cesuur: (c: number) => `cesuur/${c}`,
  bin: (raw: number) => `bin/${raw}`,
  band: (b: BandKey) => `band/${b}`,
  route: (r: RouteKey) => `route/${r}`,
  cell: (b: BandKey, r: RouteKey) => `cell/${b}/${r}`,
  conform: (r: string, part: 'c' | 'a') => `conform/${r}/${part}`,
  routed: 'conform/all',
  // Cell names only; the outcome itself comes from the distribution.
  haalbaar: 'outcome/pass',
  nietHaalbaar: 'outcome/no-pass',
  group: (d: string, v: string, part: string) => `group/${d}/${v}/${part}`,
};

function publish(
  scope: NationalDistribution['scope'],
  dist: DistributionResponse,
  cond: ConditionsResponse,
): NationalReport {
  const cells = new Map<string, number>();
  const sums: Sum[] = [];
  const add = (key: string, n: number) => cells.set(key, n);
  const sum = (total: string, parts: string[]) => sums.push({ total, parts });

  // The distribution: histogram, bands, band x route, route totals, cesuur values, conform table.
  add(id.total, dist.total);
  for (const c of dist.cesuurValues) add(id.cesuur(c.cesuur), c.count);
  sum(
    id.total,
    dist.cesuurValues.map((c) => id.cesuur(c.cesuur)),
  );
  for (const bin of dist.histogram) add(id.bin(bin.raw), bin.count);
  sum(
    id.total,
    dist.histogram.map((b) => id.bin(b.raw)),
  );
  for (const row of dist.bands) {
    const b = row.band.key;
    add(id.band(b), row.total);
    const bins = dist.histogram.filter((h) => bandOf(h.raw, dist.cesuur) === b);
    sum(
      id.band(b),
      bins.map((h) => id.bin(h.raw)),
    );
    for (const cell of row.cells) add(id.cell(b, cell.route), cell.count);
    sum(
      id.band(b),
      row.cells.map((c) => id.cell(b, c.route)),
    );
  }
  sum(
    id.total,
    dist.bands.map((r) => id.band(r.band.key)),
  );
  for (const r of dist.routeTotals) {
    add(id.route(r.route), r.count);
    sum(
      id.route(r.route),
      dist.bands.map((row) => id.cell(row.band.key, r.route)),
    );
  }
  sum(
    id.total,
    dist.routeTotals.map((r) => id.route(r.route)),
  );
  for (const row of dist.conform.rows) {
    add(id.conform(row.route, 'c'), row.conform);
    add(id.conform(row.route, 'a'), row.anders);
    // The conform row's total is the route's total: the same results.
    sum(id.route(row.route), [id.conform(row.route, 'c'), id.conform(row.route, 'a')]);
  }
  add(id.conform('all', 'c'), dist.conform.total.conform);
  add(id.conform('all', 'a'), dist.conform.total.anders);
  add(id.routed, dist.conform.total.total);
  sum(id.routed, [id.conform('all', 'c'), id.conform('all', 'a')]);
  sum(
    id.routed,
    dist.conform.rows.map((r) => id.route(r.route)),
  );
  for (const part of ['c', 'a'] as const) {
    sum(
      id.conform('all', part),
      dist.conform.rows.map((r) => id.conform(r.route, part)),
    );
  }
  // With one cesuur throughout, the bands (by the view's cesuur) and "haalbaar" (by each result's own) line up:
  // conform and haalbaar counts are then sums of band cells, and must be treated as such.
  const oneCesuur = dist.cesuurValues.every((c) => c.cesuur === dist.cesuur);
  add(id.haalbaar, 0);
  add(id.nietHaalbaar, 0);
  sum(id.total, [id.haalbaar, id.nietHaalbaar]);
  if (oneCesuur) {
    for (const row of dist.conform.rows) {
      const [conformBands, andersBands] =
        row.route === 'Z' ? [NIET_HAALBAAR_BANDS, HAALBAAR_BANDS] : [HAALBAAR_BANDS, NIET_HAALBAAR_BANDS];
      sum(
        id.conform(row.route, 'c'),
        conformBands.map((b) => id.cell(b, row.route)),
      );
      sum(
        id.conform(row.route, 'a'),
        andersBands.map((b) => id.cell(b, row.route)),
      );
    }
    sum(id.haalbaar, HAALBAAR_BANDS.map(id.band));
    sum(id.nietHaalbaar, NIET_HAALBAAR_BANDS.map(id.band));
  }

  // The condition splits: per group n, haalbaar (and its unpublished complement) and the four bands.
  const dimensions = cond.dimensions.filter((d) => nationalDimension(d.dimension));
  let haalbaarAll = 0;
  for (const d of dimensions) {
    const partitions = d.dimension !== 'flag'; // flags overlap; every other split puts each result in one group
    for (const g of d.groups) {
      const key = (part: string) => id.group(d.dimension, g.value, part);
      add(key('n'), g.n);
      add(key('h'), g.haalbaar);
      add(key('nh'), g.n - g.haalbaar);
      sum(key('n'), [key('h'), key('nh')]);
      for (const b of g.bands) add(key(`b/${b.band}`), b.count);
      sum(
        key('n'),
        g.bands.map((b) => key(`b/${b.band}`)),
      );
      if (oneCesuur) {
        sum(
          key('h'),
          HAALBAAR_BANDS.map((b) => key(`b/${b}`)),
        );
      }
      if (d.dimension === 'inputType') haalbaarAll += g.haalbaar;
    }
    if (!partitions) continue;
    const keys = (part: string) => d.groups.map((g) => id.group(d.dimension, g.value, part));
    sum(id.total, keys('n'));
    sum(id.haalbaar, keys('h'));
    sum(id.nietHaalbaar, keys('nh'));
    for (const b of BANDS) sum(id.band(b), keys(`b/${b}`));
  }
  // Every partitioning split adds up to the same haalbaar count; input type is one of them.
  cells.set(id.haalbaar, haalbaarAll);
  cells.set(id.nietHaalbaar, dist.total - haalbaarAll);

  const hidden = suppress(cells, sums, MIN_CELL);
  const shown = (key: string): number | null => (hidden.has(key) ? null : cells.get(key)!);
  const share = (part: string, whole: string): number | null => {
    const p = shown(part);
    const w = shown(whole);
    return p === null || w === null ? null : pct(p, w);
  };
  const conformCells = (r: string, total: string) => ({
    conform: shown(id.conform(r, 'c')),
    anders: shown(id.conform(r, 'a')),
    total: shown(total),
    pctConform: share(id.conform(r, 'c'), total),
    pctAnders: share(id.conform(r, 'a'), total),
  });

  return {
    distribution: {
      scope,
      cesuur: dist.cesuur,
      max: dist.max,
      twijfelzone: dist.twijfelzone,
      total: shown(id.total),
      cesuurValues: dist.cesuurValues.map((c) => ({ cesuur: c.cesuur, count: shown(id.cesuur(c.cesuur)) })),
      histogram: dist.histogram.map((b) => ({ raw: b.raw, count: shown(id.bin(b.raw)) })),
      bands: dist.bands.map((row) => ({
        band: row.band,
        cells: row.cells.map((c) => ({
          route: c.route,
          count: shown(id.cell(row.band.key, c.route)),
          pctOfRoute: share(id.cell(row.band.key, c.route), id.route(c.route)),
          pctOfBand: share(id.cell(row.band.key, c.route), id.band(row.band.key)),
        })),
        total: shown(id.band(row.band.key)),
        pctOfTotal: share(id.band(row.band.key), id.total),
      })),
      routeTotals: dist.routeTotals.map((r) => ({ route: r.route, count: shown(id.route(r.route)) })),
      conform: {
        rows: dist.conform.rows.map((r) => ({ route: r.route, ...conformCells(r.route, id.route(r.route)) })),
        total: conformCells('all', id.routed),
      },
    },
    conditions: {
      scope,
      cesuur: cond.cesuur,
      total: shown(id.total),
      dimensions: dimensions.map((d) => ({
        dimension: d.dimension as NationalConditions['dimensions'][number]['dimension'],
        label: d.label,
        groups: d.groups.map((g) => {
          const key = (part: string) => id.group(d.dimension, g.value, part);
          const n = shown(key('n'));
          return {
            value: g.value,
            label: g.label,
            n,
            mean: n === null ? null : g.mean,
            haalbaar: shown(key('h')),
            pctHaalbaar: share(key('h'), key('n')),
            bands: g.bands.map((b) => ({ band: b.band, count: shown(key(`b/${b.band}`)) })),
          };
        }),
      })),
    },
  };
}
