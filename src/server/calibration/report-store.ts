/**
 * The stored, signed calibration report (issue 19, items 2-3): a run reads every stored result of one package
 * version, calibrates it with the engine, adds DIF by afnamecondities, and stores the record signed by the
 * service key (like receipts and rosters) in `calibration_reports` (migration 018). Every read checks the
 * signature against the service's own key, so a report changed in the database is refused, not shown.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerKey } from '../../shared/results-service';
import {
  CALIBRATION_RECORD_SCHEMA,
  SignedCalibration,
  type CalibrationRecord,
  type CalibrationSummary,
} from '../../shared/review/calibration';
import { calibrationReport } from '../../shared/psychometrics';
import { canonicalBytes } from '../../shared/signing';
import { publicKeyFromRawBase64, signEd25519, verifyEd25519 } from '../crypto/ed25519';
import { appendInTransaction, type AuditActor } from '../audit/append';
import type { ServerSigningKey } from '../crypto/server-key';
import type { Database } from '../db/tables';
import type { Dialect } from '../deps';
import type { ScoringPackage } from '../packages';
import { calibrationData } from './calibration-data';
import { difByConditions, type DifSource } from './dif-conditions';

/** A stored report that does not verify: changed after signing, or signed by another key than this service's. */
export class CalibrationSignatureError extends Error {
  override readonly name = 'CalibrationSignatureError';
}

/** Every stored result of the package with the columns calibration and DIF read, in closing order then id. */
function readSources(db: Kysely<Database>, packageHash: string): Promise<DifSource[]> {
  return db
    .selectFrom('results')
    .select([
      'result_id',
      'status',
      'item_pattern',
      'score_mismatch',
      'fast_answers',
      'closed_at',
      'language',
      'input_type',
      'interpreter',
      'doelgroep',
      'group_size',
      'device_model',
    ])
    .where('package_hash', '=', packageHash)
    .orderBy('closed_at')
    .orderBy('result_id')
    .execute();
}

/** sha256 of the ids, each followed by "\n": anyone holding the database can recompute which results were used. */
export function resultIdsSha256(ids: readonly string[]): string {
  const hash = createHash('sha256');
  for (const id of ids) hash.update(`${id}\n`);
  return hash.digest('hex');
}

/** The record of one run; throws the engine's PsychometricsInputError (in Dutch) when the data do not allow one. */
export function calibrationRecord(
  sources: readonly DifSource[],
  pkg: ScoringPackage,
  run: { reportId: string; createdAt: string; createdBy: string },
): CalibrationRecord {
  const itemIds = pkg.definition.items;
  const data = calibrationData(sources, itemIds.length);
  const report = calibrationReport(data.responses, itemIds, {
    packageHash: pkg.packageHash,
    from: data.from ?? run.createdAt,
    to: data.to ?? run.createdAt,
    createdAt: run.createdAt,
    excluded: data.excluded,
  });
  return {
    schema: CALIBRATION_RECORD_SCHEMA,
    reportId: run.reportId,
    createdBy: run.createdBy,
    data: {
      resultIdsSha256: resultIdsSha256(data.used.map((row) => row.result_id)),
      resultCount: data.used.length,
      rawScoreCounts: rawScoreCounts(data.responses, itemIds.length),
      flagsExcluded: ['score_mismatch', 'fast_answers'],
    },
    report,
    dif: difByConditions(data.responses, data.used, itemIds),
  };
}

function rawScoreCounts(responses: readonly (readonly number[])[], k: number): number[] {
  const counts = new Array<number>(k + 1).fill(0);
  for (const row of responses) counts[row.reduce((sum, x) => sum + x, 0)]!++;
  return counts;
}

export function signCalibration(key: ServerSigningKey, payload: CalibrationRecord): SignedCalibration {
  return {
    payload,
    signature: signEd25519(canonicalBytes(payload), key.privateKey),
    keyId: key.pinned.keyId,
    alg: 'Ed25519',
  };
}

/** Calibrates the package from its stored results, signs the record and stores it; answers its summary. */
/**
 * Calibrates and stores one package version. The report and its `calibration.run` audit entry (who, the
 * package, how many results) commit together, from the dashboard and from `lbt calibrate --store` alike.
 */
export async function runCalibration(
  db: Kysely<Database>,
  key: ServerSigningKey,
  pkg: ScoringPackage,
  run: { createdBy: string; now: Date; dialect: Dialect; by: AuditActor; gemeente: string | null },
): Promise<CalibrationSummary> {
  const sources = await readSources(db, pkg.packageHash);
  const record = calibrationRecord(sources, pkg, {
    reportId: randomUUID(),
    createdAt: run.now.toISOString(),
    createdBy: run.createdBy,
  });
  await db.transaction().execute(async (trx) => {
    await storeCalibration(trx, signCalibration(key, record));
    await appendInTransaction(trx, run.dialect, run.now, {
      ...run.by,
      gemeente: run.gemeente,
      action: 'calibration.run',
      why: 'kalibratie',
      subject: record.reportId,
      detail: { packageHash: pkg.packageHash, results: record.data.resultCount },
    });
  });
  return summaryOf(record, true);
}

/** One new row; a report is never updated (a new run is a new row). */
export async function storeCalibration(db: Kysely<Database>, signed: SignedCalibration): Promise<void> {
  const record = signed.payload;
  await db
    .insertInto('calibration_reports')
    .values({
      report_id: record.reportId,
      package_hash: record.report.snapshot.packageHash,
      created_at: record.report.snapshot.createdAt,
      created_by: record.createdBy,
      result_count: record.data.resultCount,
      signed: JSON.stringify(signed),
    })
    .execute();
}

function summaryOf(record: CalibrationRecord, valid: boolean): CalibrationSummary {
  return {
    reportId: record.reportId,
    packageHash: record.report.snapshot.packageHash,
    createdAt: record.report.snapshot.createdAt,
    createdBy: record.createdBy,
    resultCount: record.data.resultCount,
    valid,
  };
}

type Row = Database['calibration_reports'];

/**
 * The record of a stored row once its signature checks out with `key` and its columns agree with it; otherwise a
 * CalibrationSignatureError saying what is wrong.
 */
export function verifyStoredCalibration(row: Row, key: ServerKey): CalibrationRecord {
  const where = `Kalibratierapport ${row.report_id}`;
  let signed: SignedCalibration;
  try {
    signed = SignedCalibration.parse(JSON.parse(row.signed));
  } catch {
    throw new CalibrationSignatureError(`${where} is beschadigd: het opgeslagen rapport is niet te lezen.`);
  }
  if (signed.keyId !== key.keyId)
    throw new CalibrationSignatureError(
      `${where} is ondertekend met sleutel ${signed.keyId}, niet met de sleutel van deze dienst (${key.keyId}).`,
    );
  if (!verifyEd25519(canonicalBytes(signed.payload), signed.signature, publicKeyFromRawBase64(key.publicKey)))
    throw new CalibrationSignatureError(
      `${where} klopt niet met zijn handtekening: het is na het ondertekenen veranderd. Gebruik het niet; voer de kalibratie opnieuw uit.`,
    );
  const record = signed.payload;
  if (
    record.reportId !== row.report_id ||
    record.report.snapshot.packageHash !== row.package_hash ||
    record.report.snapshot.createdAt !== row.created_at ||
    record.data.resultCount !== row.result_count ||
    record.createdBy !== row.created_by
  )
    throw new CalibrationSignatureError(
      `${where}: de gegevens in de tabel wijken af van het ondertekende rapport.`,
    );
  return record;
}

/** Every stored calibration, newest first, each with whether it still verifies. */
export async function listCalibrations(db: Kysely<Database>, key: ServerKey): Promise<CalibrationSummary[]> {
  const rows = await db.selectFrom('calibration_reports').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map((row) => {
    try {
      return summaryOf(verifyStoredCalibration(row, key), true);
    } catch (error) {
      if (!(error instanceof CalibrationSignatureError)) throw error;
      return {
        reportId: row.report_id,
        packageHash: row.package_hash,
        createdAt: row.created_at,
        createdBy: row.created_by,
        resultCount: row.result_count,
        valid: false,
      };
    }
  });
}

/**
 * The newest stored calibration of a package version that still verifies, or null. A row that no longer verifies is
 * passed over (the beheerder's list shows it as "handtekening ongeldig"), so a changed report never reaches a sheet.
 */
export async function newestVerifiedCalibration(
  db: Kysely<Database>,
  key: ServerKey,
  packageHash: string,
): Promise<CalibrationRecord | null> {
  const rows = await db
    .selectFrom('calibration_reports')
    .selectAll()
    .where('package_hash', '=', packageHash)
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of rows) {
    try {
      return verifyStoredCalibration(row, key);
    } catch (error) {
      if (!(error instanceof CalibrationSignatureError)) throw error;
    }
  }
  return null;
}

/** A verified stored calibration, or null when there is none with that id; throws when it does not verify. */
export async function readCalibration(
  db: Kysely<Database>,
  key: ServerKey,
  reportId: string,
): Promise<CalibrationRecord | null> {
  const row = await db
    .selectFrom('calibration_reports')
    .selectAll()
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return row ? verifyStoredCalibration(row, key) : null;
}
