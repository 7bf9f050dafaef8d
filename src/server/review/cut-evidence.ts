/**
 * What the calibration says about a cesuur, for the what-if view (the cesuur it tries) and the distribution's
 * twijfelzone (the cesuur it draws): the ability at that score, where the cesuur lies on the ability scale, the
 * measurement error there, the expected classification accuracy and consistency, and per score in the
 * twijfelzone the probability, in plain Dutch, that a candidate with that score belongs at or above the cesuur.
 *
 * Results under the filters may span package versions, and a calibration belongs to one. The package used is
 * that of the newest completed result under the filters (by closing time, as the distribution picks the cesuur
 * it draws), and the answer names it. Every number comes from the engine (src/shared/psychometrics): this file
 * only picks the package, the calibration and the scores, and says why when there is nothing to say.
 */
import type { Kysely } from 'kysely';
import { DEFINITION_STATUS_TEXT, definitionStatusOf } from '../../shared/items/definition-status';
import type { TestDefinition } from '../../shared/items/test-definition';
import {
  classificationAccuracy,
  probabilitySentence,
  testInformation,
  type CalibrationReport,
} from '../../shared/psychometrics';
import { ResultRecord } from '../../shared/result/record';
import type { ServerKey } from '../../shared/results-service';
import type { CutEvidenceResponse, ReviewFilters } from '../../shared/review';
import { inTwijfelzone, twijfelzoneAround, type Twijfelzone } from '../../shared/scoring/rules';
import { calibrationFor } from '../calibration/calibration-for';
import type { Database } from '../db/tables';
import type { Group } from './bands';
import { latestResult } from './distribution';
import type { GemeenteScope } from './scope';
import { archivedDefinition } from './sheet';

type Evidence = NonNullable<CutEvidenceResponse['evidence']>;
type EvidencePackage = NonNullable<CutEvidenceResponse['package']>;

const NO_CALIBRATION = 'Nog geen kalibratie voor deze versie.';

/** The view that asks: they differ in what a pilot package and a missing calibration get. */
type Purpose = 'what-if' | 'twijfelzone';

interface Newest {
  resultId: string;
  packageHash: string;
  cesuur: number;
  /** The twijfelzone stored with the result at ingest: the band the distribution draws. */
  twijfelzone: Twijfelzone;
}

/** The newest completed result under the filters: the one distribution.ts takes its reference cesuur from. */
async function newestInScope(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
): Promise<Newest | null> {
  const found = await latestResult(db, gemeente, filters);
  if (!found) return null;
  const { tally, segment, i } = found;
  const value = (column: 'package_hash' | 'cesuur' | 'twijfelzone_from' | 'twijfelzone_to') =>
    tally.store.decode(column, segment.coded[column].data[i]!);
  return {
    resultId: segment.idAt(i),
    packageHash: value('package_hash') as string,
    cesuur: value('cesuur') as number,
    twijfelzone: { from: value('twijfelzone_from') as number, to: value('twijfelzone_to') as number },
  };
}

/**
 * The package named as the sheet names it: from the service's archived definition, or, for a result from before
 * the archive, from what the result itself says (read as operational, as the sheet reads it).
 */
async function packageOf(
  db: Kysely<Database>,
  newest: Newest,
): Promise<{ pkg: EvidencePackage; definition: TestDefinition | null }> {
  const definition = await archivedDefinition(db, newest.packageHash);
  if (definition) {
    const status = definitionStatusOf(definition);
    return {
      pkg: {
        packageId: definition.id,
        version: definition.version,
        packageHash: newest.packageHash,
        status,
        statusText: DEFINITION_STATUS_TEXT[status],
      },
      definition,
    };
  }
  const row = await db
    .selectFrom('results')
    .select('envelope')
    .where('result_id', '=', newest.resultId)
    .executeTakeFirstOrThrow();
  const record = ResultRecord.parse((JSON.parse(row.envelope) as { payload: unknown }).payload);
  const status = definitionStatusOf({});
  return {
    pkg: {
      packageId: record.package.packageId,
      version: record.package.definitionVersion,
      packageHash: newest.packageHash,
      status,
      statusText: DEFINITION_STATUS_TEXT[status],
    },
    definition: null,
  };
}

/**
 * The calibration's figures at `cesuur`, weighing accuracy and consistency by `counts` (counts[x] results scored
 * x); null when the cesuur has no place on the ability scale (0 or the maximum: no true score equals it).
 */
function cutEvidence(
  report: CalibrationReport,
  cesuur: number,
  twijfelzone: Twijfelzone,
  counts: readonly number[],
): Evidence | null {
  const k = report.items.length;
  if (!(cesuur > 0 && cesuur < k)) return null;
  const difficulties = report.items.map((item) => item.difficulty);
  const table = report.abilityTable;
  // Only scores the calibration knows weigh; a score beyond its maximum belongs to another package version.
  const weights = table.map((row) => counts[row.raw] ?? 0);
  const weighed = weights.some((n) => n > 0);
  const classified = classificationAccuracy(
    cesuur,
    difficulties,
    table,
    weighed ? weights : table.map(() => 1),
  );
  const information = testInformation(classified.thetaCut, difficulties);
  const zone = { from: Math.max(0, twijfelzone.from), to: Math.min(k, twijfelzone.to) };
  return {
    calibratedAt: report.snapshot.createdAt,
    sittings: report.snapshot.resultCount,
    cesuur,
    abilityAtCesuur: table[cesuur]!.theta,
    thetaCut: classified.thetaCut,
    semLogits: 1 / Math.sqrt(information),
    semRaw: Math.sqrt(information),
    accuracy: weighed ? classified.accuracy : null,
    consistency: weighed ? classified.consistency : null,
    twijfelzone: zone,
    byRaw: classified.byRaw
      .filter((row) => inTwijfelzone(row.raw, zone))
      .map((row) => ({
        raw: row.raw,
        probability: row.probability,
        sentence: probabilitySentence(row.probability),
      })),
  };
}

/** How many completed results under the filters scored each raw score, from the views' groups. */
function countsOf(groups: readonly Group[]): number[] {
  const counts: number[] = [];
  for (const g of groups) counts[g.raw] = (counts[g.raw] ?? 0) + g.n;
  return Array.from(counts, (n) => n ?? 0);
}

async function evidenceFor(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
  request: { purpose: Purpose; cesuur: number | undefined; groups: readonly Group[] },
  key: ServerKey | undefined,
): Promise<CutEvidenceResponse> {
  const newest = await newestInScope(db, gemeente, filters);
  if (!newest) return { package: null, evidence: null, note: null };
  const { pkg, definition } = await packageOf(db, newest);
  const cesuur = request.cesuur ?? newest.cesuur;
  // A pilot's scores carry no advice, so the twijfelzone view gives no probability of one; the what-if view
  // may: there the cesuur is the one being tried, which is what a pilot is for.
  if (request.purpose === 'twijfelzone' && pkg.status === 'pilot') {
    return {
      package: pkg,
      evidence: null,
      note: 'Proefafname: bij deze versie hoort bij een score geen advies, dus ook geen kans per score.',
    };
  }
  const report = definition ? await calibrationFor(db, newest.packageHash, key) : null;
  if (!definition || !report) {
    // The twijfelzone view says nothing then: the distribution stands on its own.
    return { package: pkg, evidence: null, note: request.purpose === 'what-if' ? NO_CALIBRATION : null };
  }
  const zone =
    request.purpose === 'twijfelzone'
      ? newest.twijfelzone
      : twijfelzoneAround(cesuur, definition.twijfelzone);
  const evidence = cutEvidence(report, cesuur, zone, countsOf(request.groups));
  if (!evidence) {
    return {
      package: pkg,
      evidence: null,
      note: `Bij cesuur ${cesuur} zegt de kalibratie niets: kies een cesuur van 1 tot en met ${report.items.length - 1}.`,
    };
  }
  return {
    package: pkg,
    evidence,
    note:
      pkg.status === 'pilot'
        ? `Proefafname: deze cijfers laten zien wat cesuur ${cesuur} zou doen; een advies is het niet.`
        : null,
  };
}

/** The calibration's view of the cesuur the what-if view tries, over the same results it counts. */
export function whatIfEvidence(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
  cesuur: number,
  groups: readonly Group[],
  key?: ServerKey,
): Promise<CutEvidenceResponse> {
  return evidenceFor(db, gemeente, filters, { purpose: 'what-if', cesuur, groups }, key);
}

/** Per score in the twijfelzone the distribution draws, how likely it belongs at or above its cesuur. */
export function twijfelzoneEvidence(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
  cesuur: number | undefined,
  groups: readonly Group[],
  key?: ServerKey,
): Promise<CutEvidenceResponse> {
  return evidenceFor(db, gemeente, filters, { purpose: 'twijfelzone', cesuur, groups }, key);
}
