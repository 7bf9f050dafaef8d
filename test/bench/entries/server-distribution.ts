/**
 * server.distribution: the review dashboard's distribution query (histogram + band x route + conform, plus the
 * reference lookup, exactly as GET /v1/review/distribution runs it unfiltered through Kysely) over 1,000,000
 * stored results of one gemeente on SQLite (the worst case: far more than any gemeente will ever hold).
 * Unfiltered, the query reads the trigger-kept `review_counts` (src/server/db/migrations/review-count-triggers.ts), so the set-up's inserts
 * pay for the counts just as ingest does. Baseline: the same aggregations computed from the stored rows
 * themselves, forced to read the tables (`NOT INDEXED`).
 *
 * Set-up bulk-loads the rows with one prepared statement in one transaction (synchronous off for the load
 * only). The rows carry a short stand-in envelope: real envelopes (10-30 KiB) would make the table scan far
 * slower still, while the covering index does not read them at all.
 */
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, SQLITE_FILE } from '../../../src/server/db/open';
import { distribution } from '../../../src/server/review/distribution';
import { interleaved, percentile, type Benchmark } from '../harness';

const ROWS = 1_000_000;
/** Share of results with a recorded leerroute (the DUO report: 1,957 of 2,320). */
const ROUTED = 0.84;
const GEMEENTE = 'Amsterdam';
/** One result a minute from 2023-01-01: the first quarter of 2024 holds 91 days of them. */
const QUARTER_ROWS = 91 * 24 * 60;

function load(file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('synchronous = OFF');
  db.prepare(
    `insert into devices (device_id, key_id, public_key, gemeente, label, enrolled_at, revoked_at)
     values ('lbt-dev-0000000000000001', 'k1', 'x', ?, 'bench', '2026-01-01T00:00:00.000Z', null)`,
  ).run(GEMEENTE);
  const insert = db.prepare(
    `insert into results (result_id, envelope_hash, payload_hash, envelope, receipt, stored_at, device_id, gemeente,
       session_id, status, created_at, closed_at, doelgroep, language, package_hash, cesuur, raw, raw_client, max,
       outcome, in_twijfelzone, unanswered, score_mismatch, input_type, interpreter, practiced, shell, device_model,
       resolution, mouse_used, focus_lost, interrupted, fast_answers, item_pattern)
     values (?, 'h', 'h', '{"payload":{"scoring":{"twijfelzone":{"from":26,"to":30}}}}', '{}', ?, 'lbt-dev-0000000000000001', ?,
       's', ?, ?, ?, 'gezinsmigrant', 'nl', 'p', 28, ?, ?, 40, ?, ?, 0, 0, 'touch', 0, 'no', 'electron', null,
       '1920x1080@1', 0, 0, 0, 0, ?)`,
  );
  const route = db.prepare(
    `insert into leerroutes (result_id, gemeente, route, raw, cesuur, conform, reason, explanation, recorded_by, recorded_at)
     values (?, ?, ?, ?, 28, ?, null, null, 'bench', '2026-01-01T00:00:00.000Z')`,
  );
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const start = Date.UTC(2023, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      // Roughly the DUO shape: most results in the 30s, a tail below 20.
      const raw = Math.max(0, Math.min(40, Math.round(31 + (random() + random() + random() - 1.5) * 14)));
      const id = `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
      const at = new Date(start + i * 60_000).toISOString();
      const status = random() < 0.02 ? 'aborted' : 'completed';
      const outcome = status === 'aborted' ? null : raw >= 28 ? 'haalbaar' : 'niet-haalbaar';
      insert.run(
        id,
        at,
        GEMEENTE,
        status,
        at,
        at,
        raw,
        raw,
        outcome,
        raw >= 26 && raw <= 30 ? 1 : 0,
        '1'.repeat(raw) + '0'.repeat(40 - raw),
      );
      if (random() < ROUTED) {
        const r = random();
        const chosen =
          raw >= 28 ? (r < 0.85 ? 'B1' : r < 0.98 ? 'O' : 'Z') : r < 0.6 ? 'Z' : r < 0.93 ? 'B1' : 'O';
        if (status === 'completed')
          route.run(id, GEMEENTE, chosen, raw, raw >= 28 === (chosen !== 'Z') ? 1 : 0);
      }
    }
  })();
  db.pragma('optimize');
  db.close();
}

export const serverDistribution: Benchmark = {
  name: 'server.distribution',
  unit: 'ms',
  async run({ scale }) {
    const dir = mkdtempSync(join(tmpdir(), 'lbt-bench-distribution-'));
    try {
      // Open once to create the schema (migrations), load with a plain connection, then reopen for the query.
      (await openDatabase({ dataDir: dir })).db.destroy();
      const loadStart = performance.now();
      load(join(dir, SQLITE_FILE));
      console.error(
        `server.distribution: ${ROWS} results loaded in ${Math.round(performance.now() - loadStart)} ms`,
      );
      const { db } = await openDatabase({ dataDir: dir });
      try {
        const check = await distribution(db, GEMEENTE, {});
        if (check.total < ROWS * 0.95)
          throw new Error(`distribution saw ${check.total} results, expected ~${ROWS}`);
        // The same two aggregations, made to read the tables instead of the covering indexes.
        const scanResults = sql`select raw, cesuur, count(*) as n from results not indexed
          where gemeente = ${GEMEENTE} and status = 'completed' group by raw, cesuur`;
        const scanRoutes = sql`select raw, cesuur, route, count(*) as n from leerroutes not indexed
          where gemeente = ${GEMEENTE} group by raw, cesuur, route`;
        const measured = await interleaved(
          () => distribution(db, GEMEENTE, {}),
          {
            name: 'full table scan',
            run: async () => [await scanResults.execute(db), await scanRoutes.execute(db)],
          },
          { warmup: 2, samples: Math.max(5, Math.ceil(30 * scale)) },
        );
        // Beside the table (stderr): the same view filtered to one quarter, which groups the matching rows
        // itself instead of reading the counts (the period index, migrations/004-review-period.ts).
        const quarter = { from: '2024-01-01', to: '2024-03-31' } as const;
        await distribution(db, GEMEENTE, quarter);
        const filtered: number[] = [];
        for (let i = 0; i < Math.max(3, Math.ceil(10 * scale)); i++) {
          const start = performance.now();
          await distribution(db, GEMEENTE, quarter);
          filtered.push(performance.now() - start);
        }
        console.error(
          `server.distribution: filtered to one quarter (${QUARTER_ROWS} results, one a minute) p50 ${percentile(filtered, 50).toFixed(1)} / p95 ${percentile(filtered, 95).toFixed(1)} ms`,
        );
        return measured;
      } finally {
        await db.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
