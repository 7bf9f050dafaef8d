/**
 * server.calibrate: `lbt calibrate`'s work for one package version with 100,000 stored results on SQLite: read
 * the rows (src/server/calibration/calibration-data.ts), keep the usable ones, and build the calibration report
 * (CML difficulties with SEs, fit, reliability, information, raw-score-to-ability table). Baseline: the plain
 * read of the same rows, so the ratio is what the psychometrics add to fetching the data.
 *
 * The answers are simulated from a Rasch model (40 items, seeded), since a calibration of Guttman-shaped stand-in
 * patterns would not converge; 2% of the rows are aborted sittings, which the calibration leaves out.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrationData, readCalibrationSources } from '../../../src/server/calibration/calibration-data';
import { openDatabase, SQLITE_FILE } from '../../../src/server/db/open';
import { calibrationReport } from '../../../src/shared/psychometrics';
import { SimulationRng, simulateResponses } from '../../psychometrics/simulate';
import { interleaved, type Benchmark } from '../harness';

const ROWS = 100_000;
const ITEMS = 40;
const PACKAGE = 'c'.repeat(64);
const ITEM_IDS = Array.from({ length: ITEMS }, (_, i) => `item-${i + 1}`);

function load(file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('synchronous = OFF');
  db.prepare(
    `insert into devices (device_id, key_id, public_key, gemeente, label, enrolled_at, revoked_at)
     values ('lbt-dev-0000000000000001', 'k1', 'x', 'Utrecht', 'bench', '2026-01-01T00:00:00.000Z', null)`,
  ).run();
  const insert = db.prepare(
    `insert into results (result_id, envelope_hash, payload_hash, envelope, receipt, stored_at, device_id, gemeente,
       session_id, status, created_at, closed_at, doelgroep, language, package_hash, cesuur, raw, raw_client, max,
       outcome, in_twijfelzone, unanswered, score_mismatch, input_type, interpreter, practiced, shell, device_model,
       resolution, mouse_used, focus_lost, interrupted, fast_answers, item_pattern)
     values (?, 'h', 'h', '{}', '{}', ?, 'lbt-dev-0000000000000001', 'Utrecht', 's', ?, ?, ?, 'gezinsmigrant', 'nl',
       ?, 28, ?, ?, 40, null, 0, 0, 0, 'touch', 0, 'no', 'electron', null, '1920x1080@1', 0, 0, 0, 0, ?)`,
  );
  const rng = new SimulationRng(19);
  const difficulties = Array.from({ length: ITEMS }, () => rng.normal());
  const start = Date.UTC(2026, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const [answers] = simulateResponses(rng, [rng.normal(0.5, 1)], difficulties);
      const raw = answers!.reduce((s, x) => s + x, 0);
      const at = new Date(start + i * 60_000).toISOString();
      const id = `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
      insert.run(
        id,
        at,
        rng.chance(0.02) ? 'aborted' : 'completed',
        at,
        at,
        PACKAGE,
        raw,
        raw,
        answers!.join(''),
      );
    }
  })();
  db.close();
}

export const serverCalibrate: Benchmark = {
  name: 'server.calibrate',
  unit: 'ms',
  async run({ scale }) {
    const dir = mkdtempSync(join(tmpdir(), 'lbt-bench-calibrate-'));
    try {
      (await openDatabase({ dataDir: dir })).db.destroy();
      const loadStart = performance.now();
      load(join(dir, SQLITE_FILE));
      console.error(
        `server.calibrate: ${ROWS} results loaded in ${Math.round(performance.now() - loadStart)} ms`,
      );
      const { db } = await openDatabase({ dataDir: dir });
      const createdAt = '2026-12-07T00:00:00.000Z';
      const calibrate = async () => {
        const data = calibrationData(await readCalibrationSources(db, PACKAGE), ITEMS);
        return calibrationReport(data.responses, ITEM_IDS, {
          packageHash: PACKAGE,
          from: data.from ?? createdAt,
          to: data.to ?? createdAt,
          createdAt,
          excluded: data.excluded,
        });
      };
      try {
        const check = await calibrate();
        if (check.snapshot.resultCount < ROWS * 0.95)
          throw new Error(`the calibration used ${check.snapshot.resultCount} results, expected ~${ROWS}`);
        return await interleaved(
          calibrate,
          { name: 'plain read of the rows', run: () => readCalibrationSources(db, PACKAGE) },
          { warmup: 1, samples: Math.max(3, Math.ceil(10 * scale)) },
        );
      } finally {
        await db.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
