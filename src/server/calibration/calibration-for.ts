/**
 * The one place the service asks for the calibration of a package version: the newest signed, stored report of
 * that package that still verifies (report-store.ts; what the beheerder ran and can show), else the engine run on
 * the package's stored results (calibration-data.ts), kept per package; after new results it is served while a
 * newer run is made in the background.
 */
import type { Kysely } from 'kysely';
import {
  calibrationReport,
  classificationAccuracy,
  PsychometricsInputError,
  type CalibrationReport,
} from '../../shared/psychometrics';
import type { Database } from '../db/tables';
import type { ServerKey } from '../../shared/results-service';
import { calibrationData, readCalibrationSources } from './calibration-data';
import { newestVerifiedCalibration } from './report-store';

interface Cached {
  /** Stored results of the package when the report was made: a new result makes it stale. */
  rows: number;
  /** The change feed's state then (migration 020): while it stands still, no result came or went anywhere. */
  feed: string;
  report: CalibrationReport | null;
  /** A newer run under way (see calibrationFor). */
  refreshing?: Promise<void> | undefined;
}

/** One cheap row over the per-gemeente heads: changes whenever any result is stored, changed or deleted. */
async function feedState(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('review_heads')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string | null>('seq').as('s'),
    ])
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}/${Number(row.s ?? 0)}`;
}

/** Per database handle (a service instance, or a test's own database), then per package. */
const caches = new WeakMap<Kysely<Database>, Map<string, Cached>>();

async function storedCount(db: Kysely<Database>, packageHash: string): Promise<number> {
  const row = await db
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('package_hash', '=', packageHash)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The calibration of one package version, or null when its results do not allow one (too few, say). */
export async function calibrationFor(
  db: Kysely<Database>,
  packageHash: string,
  /** The service's key, to verify stored reports; without it only the engine's own run is used. */
  key?: ServerKey,
): Promise<CalibrationReport | null> {
  if (key) {
    const stored = await newestVerifiedCalibration(db, key, packageHash);
    if (stored) return stored.report;
  }
  // Counting the package's results reads its index; skip that while nothing at all was written.
  const feed = await feedState(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(packageHash);
  if (hit && hit.feed === feed) return hit.report;
  const rows = await storedCount(db, packageHash);
  if (hit && hit.rows === rows) {
    hit.feed = feed;
    return hit.report;
  }
  // A calibration exists but new results came: answer with it (its snapshot says which results it rests on)
  // while the next is made, once at a time. Re-running the engine over every result of the package before each
  // answer would cost seconds per view on a busy service.
  if (hit?.report) {
    hit.refreshing ??= engineRun(db, packageHash)
      .then((report) => void cache.set(packageHash, { rows, feed, report }))
      .catch(() => {
        // The old calibration stays; the next request tries again.
        hit.refreshing = undefined;
      });
    return hit.report;
  }
  const report = await engineRun(db, packageHash);
  cache.set(packageHash, { rows, feed, report });
  return report;
}

/** The engine's calibration over the package's stored results now, or null when they do not allow one. */
async function engineRun(db: Kysely<Database>, packageHash: string): Promise<CalibrationReport | null> {
  const archived = await db
    .selectFrom('scoring_packages')
    .select('definition')
    .where('package_hash', '=', packageHash)
    .executeTakeFirst();
  if (!archived) return null;
  const items = (JSON.parse(archived.definition) as { items: string[] }).items;
  const data = calibrationData(await readCalibrationSources(db, packageHash), items.length);
  try {
    return calibrationReport(data.responses, items, {
      packageHash,
      from: data.from ?? new Date(0).toISOString(),
      to: data.to ?? new Date(0).toISOString(),
      createdAt: new Date().toISOString(),
      excluded: data.excluded,
    });
  } catch (error) {
    // Too few sittings, or an item nobody (or everybody) got right: no calibration yet, which the sheet says.
    if (!(error instanceof PsychometricsInputError)) throw error;
    return null;
  }
}

/**
 * The probability that a sitting's true score is at or above the cesuur, given its raw score (Rudner, with the
 * extremes held to their neighbours as classification.ts does).
 */
export function probabilityAtCesuur(report: CalibrationReport, cesuur: number, raw: number): number {
  const difficulties = report.items.map((item) => item.difficulty);
  const ones = report.abilityTable.map(() => 1);
  const { byRaw } = classificationAccuracy(cesuur, difficulties, report.abilityTable, ones);
  return byRaw[raw]!.probability;
}
