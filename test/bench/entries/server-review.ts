/**
 * server.review.*: every review view the dashboard shows, each with a dozen filter combinations, over 1,000,000
 * stored results (issue 20, item 10), on SQLite and on PostgreSQL, in two shapes:
 * - `one`: all million in one gemeente (far more than any gemeente will hold: the worst case per gemeente);
 * - `national`: the million spread over 340 gemeenten; the gemeente views for one of them, and the analist's
 *   national view over all 340.
 * A sample is one view called exactly as its route calls it (the server functions, without HTTP), cycling
 * through views x filters, so the p95 is over all of them; stderr has the p95 per view. Baseline: a plain scan
 * of the same rows (`count(*)`, `sum(raw)` over the results table, SQLite made to read the table itself).
 *
 * The rows are made by the database from one recursive CTE (pseudo-random but fixed columns: doelgroep,
 * language, input type, interpreter, flags, device, score with a DUO-like bump, 2% aborted, 10% pilot, 84% with a
 * leerroute), so both databases hold the same million. The change feed's triggers fire during the load; the
 * heads are then reset as migration 020 sets them for existing rows, so the first call loads each gemeente whole. The first call of
 * each view (warm-up) loads the tally; what is measured is the dashboard in use.
 */
import { sql, type Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/server/db/open';
import type { Database } from '../../../src/server/db/tables';
import { nationalReport } from '../../../src/server/national/report';
import { conditions } from '../../../src/server/review/conditions';
import { conduct } from '../../../src/server/review/conduct';
import { distribution, reference, routeGroups } from '../../../src/server/review/distribution';
import { filterOptions } from '../../../src/server/review/filter-options';
import { reliability } from '../../../src/server/review/reliability';
import { listResults } from '../../../src/server/review/result-list';
import { buildWhatIf } from '../../../src/server/review/what-if';
import type { ReviewFilters } from '../../../src/shared/review';
import { freshPostgresDatabase, postgresUnavailable } from '../../support/postgres';
import { percentile, type Benchmark, type Samples } from '../harness';

const ROWS = 1_000_000;
const NATIONAL_GEMEENTEN = 340;
type Shape = 'one' | 'national';
type Kind = 'sqlite' | 'postgres';

/** A pseudo-random 0..m-1 per row `i`, one multiplier per column so the columns do not move together. */
const MULTIPLIERS = [
  2654435761, 2246822519, 3266489917, 668265263, 374761393, 1181783497, 2860486313, 3432918353,
];
const r = (k: number, m: number) => `(((i * ${MULTIPLIERS[k]!} + ${k * 7919}) % 4294967291) % ${m})`;

function closedAt(kind: Kind): string {
  // One result a minute from 2023-01-01 (694 days), as ISO-8601 UTC text with milliseconds, as ingest stores it.
  return kind === 'sqlite'
    ? `strftime('%Y-%m-%dT%H:%M:%S.000Z', 1672531200 + i * 60, 'unixepoch')`
    : `to_char(to_timestamp(1672531200 + i * 60) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"')`;
}

function gemeenteOf(shape: Shape): string {
  // GM1000 .. GM1339: four digits without a padding function (SQLite has none, PostgreSQL's substr differs).
  return shape === 'one' ? `'Amsterdam'` : `'GM' || (1000 + i % ${NATIONAL_GEMEENTEN})`;
}

async function load(db: Kysely<Database>, kind: Kind, shape: Shape): Promise<void> {
  // Devices: 20 in the one gemeente, one per gemeente nationally. Names as gemeenteOf spells them.
  const gemeenten =
    shape === 'one' ? ['Amsterdam'] : Array.from({ length: NATIONAL_GEMEENTEN }, (_, g) => `GM${1000 + g}`);
  const devices = gemeenten.flatMap((g) =>
    Array.from({ length: shape === 'one' ? 20 : 1 }, (_, d) => ({
      device_id: `dev-${g}-${d}`,
      key_id: `k-${g}-${d}`,
      public_key: 'x',
      gemeente: g,
      label: `${g} balie ${d + 1}`,
      enrolled_at: '2023-01-01T00:00:00.000Z',
      revoked_at: null,
    })),
  );
  for (let i = 0; i < devices.length; i += 100) {
    await db
      .insertInto('devices')
      .values(devices.slice(i, i + 100))
      .execute();
  }
  const device =
    shape === 'one' ? `'dev-Amsterdam-' || ${r(6, 20)}` : `'dev-' || ${gemeenteOf(shape)} || '-0'`;
  const rows = `with recursive s(i) as (select cast(1 as bigint) union all select i + 1 from s where i < ${ROWS}),
    g as (select i, cast(${r(0, 14)} + ${r(1, 14)} + ${r(2, 14)} as integer) as raw,
      cast(${r(3, 100)} as integer) as roll, cast(${r(4, 1000)} as integer) as roll2 from s)
    insert into results (result_id, envelope_hash, payload_hash, envelope, receipt, stored_at, device_id, gemeente,
      session_id, status, created_at, closed_at, doelgroep, language, package_hash, cesuur, raw, raw_client, max,
      outcome, in_twijfelzone, unanswered, score_mismatch, input_type, interpreter, practiced, shell, device_model,
      resolution, mouse_used, focus_lost, interrupted, fast_answers, item_pattern, twijfelzone_from, twijfelzone_to,
      afnemer_id, quiet_room, group_size, pauses, ended_early, abort_reason)
    select 'r' || i, 'h', 'h', '{}', '{}', '2026-01-01T00:00:00.000Z', ${device}, ${gemeenteOf(shape)},
      's' || i,
      case when roll < 2 then 'aborted' else 'completed' end,
      ${closedAt(kind)}, ${closedAt(kind)},
      case ${r(5, 3)} when 0 then 'asielstatushouder' when 1 then 'gezinsmigrant' else 'overige-migrant' end,
      case ${r(7, 5)} when 0 then 'nl' when 1 then 'ar' when 2 then 'ti' when 3 then 'fa' else 'tr' end,
      'p', 28, raw, raw, 40,
      case when roll < 2 then null when roll >= 90 then 'geen-advies' when raw >= 28 then 'haalbaar' else 'niet-haalbaar' end,
      case when raw between 26 and 30 then 1 else 0 end, 0, 0,
      case when roll2 % 10 = 0 then 'mouse' when roll2 % 10 = 1 then 'mixed' else 'touch' end,
      case when roll2 % 3 = 0 then 1 when roll2 % 3 = 1 then 0 else null end,
      case when roll2 % 4 = 0 then 'no' else 'yes' end, 'electron', 'Iiyama T2455', '1920x1080@1',
      case when roll2 % 10 = 0 then 1 else 0 end,
      case when roll2 % 23 = 0 then 1 else 0 end,
      case when roll2 % 37 = 0 then 1 else 0 end, 0,
      substr('1111111111111111111111111111111111111111', 1, raw) || substr('0000000000000000000000000000000000000000', 1, 40 - raw),
      26, 30,
      'afn-' || (roll2 % 12), roll2 % 2, 1 + roll2 % 5,
      case when roll2 % 17 = 0 then 1 else 0 end,
      case when roll2 % 41 = 0 then 'begrijpt-opdracht-niet' else null end,
      case when roll < 2 then 'afnemer-stop' else null end
    from g`;
  await sql.raw(rows).execute(db);
  // 84% of completed results get a leerroute, mostly the advised one (the DUO report: 1,957 of 2,320).
  await sql
    .raw(
      `insert into leerroutes (result_id, gemeente, route, raw, cesuur, conform, reason, explanation, recorded_by, recorded_at)
       select result_id, gemeente,
         case when raw >= 28 then (case when pauses = 1 then 'O' else 'B1' end) else (case when quiet_room = 1 then 'Z' else 'B1' end) end,
         raw, cesuur, 1, null, null, 'bench', '2026-01-01T00:00:00.000Z'
       from results where status = 'completed' and fast_answers = 0 and (group_size < 5 or raw < 20)`,
    )
    .execute(db);
  if (kind === 'postgres') {
    await sql`analyze`.execute(db);
  }
  await sql`delete from review_heads`.execute(db);
  await sql`delete from review_changes`.execute(db);
  await sql`insert into review_heads (gemeente, seq) select distinct gemeente, 0 from results`.execute(db);
}

const FILTERS: ReviewFilters[] = [
  {},
  { from: '2024-01-01', to: '2024-03-31' },
  { doelgroep: 'gezinsmigrant' },
  { language: 'ti' },
  { inputType: 'mouse' },
  { interpreter: 'ja' },
  { interpreter: 'onbekend', inputType: 'touch' },
  { flag: 'geen' },
  { flag: 'mouse-used', doelgroep: 'asielstatushouder' },
  { from: '2023-06-01', doelgroep: 'overige-migrant', language: 'ar' },
  { to: '2023-12-31', inputType: 'touch', interpreter: 'nee', flag: 'focus-lost' },
  { from: '2024-02-01', to: '2024-02-29', language: 'nl', doelgroep: 'gezinsmigrant', flag: 'geen' },
];

type View = { name: string; run: (filters: ReviewFilters) => Promise<unknown> };

function views(db: Kysely<Database>, shape: Shape): View[] {
  const g = shape === 'one' ? 'Amsterdam' : 'GM1005';
  const gemeenteViews: View[] = [
    { name: 'distribution', run: (f) => distribution(db, g, f) },
    {
      name: 'what-if',
      run: async (f) => {
        const [groups, ref] = await Promise.all([routeGroups(db, g, f), reference(db, g, f)]);
        return buildWhatIf(groups, 30, ref);
      },
    },
    { name: 'conditions', run: (f) => conditions(db, g, f, { minGroup: 30 }) },
    { name: 'conduct', run: (f) => conduct(db, g, f, { by: 'location' }) },
    { name: 'reliability', run: (f) => reliability(db, g, f, true) },
    { name: 'results', run: (f) => listResults(db, g, { ...f, limit: 50, offset: 0 }) },
    { name: 'filter-options', run: () => filterOptions(db, g) },
  ];
  if (shape === 'one') return gemeenteViews;
  // The national view takes whole months.
  const month = (day?: string) => day?.slice(0, 7);
  return [
    ...gemeenteViews,
    {
      name: 'national',
      run: (f) =>
        nationalReport(db, {
          ...(f.from ? { from: month(f.from)! } : {}),
          ...(f.to ? { to: month(f.to)! } : {}),
        }),
    },
  ];
}

function reviewBenchmark(kind: Kind, shape: Shape): Benchmark {
  const name = `server.review.${kind}.${shape}`;
  return {
    name,
    unit: 'ms',
    async run({ scale }): Promise<Samples> {
      if (kind === 'postgres') {
        const missing = postgresUnavailable();
        if (missing) throw new Error(`${name} needs PostgreSQL: ${missing}`);
      }
      const dir = mkdtempSync(join(tmpdir(), 'lbt-bench-review-'));
      const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : undefined;
      const { db } = await openDatabase({ dataDir: dir, ...(databaseUrl ? { databaseUrl } : {}) });
      try {
        if (kind === 'sqlite') await sql`pragma synchronous = off`.execute(db);
        const loadStart = performance.now();
        await load(db, kind, shape);
        if (kind === 'sqlite') await sql`pragma synchronous = full`.execute(db);
        console.error(`${name}: ${ROWS} results loaded in ${Math.round(performance.now() - loadStart)} ms`);
        const all = views(db, shape);
        const cases = all.flatMap((view) => FILTERS.map((filters) => ({ view, filters })));
        // Warm-up: every case once (the first loads the tally), and a check that the views see the rows.
        const firstLoad = performance.now();
        for (const c of cases) await c.view.run(c.filters);
        console.error(
          `${name}: warm-up (tally load and every case once) ${Math.round(performance.now() - firstLoad)} ms`,
        );
        const check = (await distribution(db, shape === 'one' ? 'Amsterdam' : 'GM1005', {})).total;
        const expected = shape === 'one' ? ROWS * 0.97 : (ROWS / NATIONAL_GEMEENTEN) * 0.97;
        if (check < expected) throw new Error(`${name}: the distribution saw ${check} results`);
        const plain =
          kind === 'sqlite'
            ? sql`select count(*), sum(raw) from results not indexed`
            : sql`select count(*), sum(raw) from results`;
        const rounds = Math.max(1, Math.round(2 * scale));
        const ours: number[] = [];
        const theirs: number[] = [];
        const perView = new Map<string, number[]>();
        let k = 0;
        for (let round = 0; round < rounds; round++) {
          for (const c of cases) {
            const time = async (fn: () => Promise<unknown>) => {
              const start = performance.now();
              await fn();
              return performance.now() - start;
            };
            // Alternate which goes first, as the harness's `interleaved` does.
            let a: number;
            let b: number;
            if (k++ % 2 === 0) {
              a = await time(() => c.view.run(c.filters));
              b = await time(() => plain.execute(db));
            } else {
              b = await time(() => plain.execute(db));
              a = await time(() => c.view.run(c.filters));
            }
            ours.push(a);
            theirs.push(b);
            perView.set(c.view.name, [...(perView.get(c.view.name) ?? []), a]);
          }
        }
        console.error(
          `${name}: p95 per view (ms): ` +
            [...perView].map(([v, s]) => `${v} ${percentile(s, 95).toFixed(1)}`).join(', '),
        );
        const heap = process.memoryUsage();
        console.error(
          `${name}: heap used ${Math.round(heap.heapUsed / 2 ** 20)} MiB, array buffers ${Math.round(heap.arrayBuffers / 2 ** 20)} MiB`,
        );
        return { samples: ours, baseline: { name: 'plain scan', samples: theirs } };
      } finally {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export const serverReviewBenchmarks: Benchmark[] = [
  reviewBenchmark('sqlite', 'one'),
  reviewBenchmark('sqlite', 'national'),
  reviewBenchmark('postgres', 'one'),
  reviewBenchmark('postgres', 'national'),
];
