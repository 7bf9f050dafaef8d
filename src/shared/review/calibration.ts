import { z } from 'zod';
import { CalibrationReport, DifComparison } from '../psychometrics';

/**
 * The stored calibration of one package version (issue 19, items 2-3): the engine's report, the DIF comparisons
 * by afnamecondities, and which results it rests on, signed by the service key like receipts and rosters. What
 * `lbt calibrate --store` and the dashboard's "Kalibratie uitvoeren" store, and the beheerder's views read.
 */
export const CALIBRATION_RECORD_SCHEMA = 'lbt.calibration-record/1';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const CalibrationDataSnapshot = z
  .object({
    /** sha256 of the used result ids, each followed by "\n", in closing order (then id): recomputable. */
    resultIdsSha256: Sha256,
    resultCount: z.number().int().nonnegative(),
    /** How many used sittings had each raw score 0..k: the candidates' side of the item map. */
    rawScoreCounts: z.array(z.number().int().nonnegative()).min(3),
    /** The result flags whose results were left out (their counts are in report.snapshot.excluded). */
    flagsExcluded: z.array(z.enum(['score_mismatch', 'fast_answers'])),
  })
  .strict();
export type CalibrationDataSnapshot = z.infer<typeof CalibrationDataSnapshot>;

export const CalibrationRecord = z
  .object({
    schema: z.literal(CALIBRATION_RECORD_SCHEMA),
    reportId: z.uuid(),
    /** Who ran it: a dashboard username, or `cli`. */
    createdBy: z.string().min(1).max(100),
    data: CalibrationDataSnapshot,
    report: CalibrationReport,
    dif: z.array(DifComparison),
  })
  .strict();
export type CalibrationRecord = z.infer<typeof CalibrationRecord>;

export const SignedCalibration = z
  .object({
    payload: CalibrationRecord,
    signature: z.string().min(1),
    keyId: Sha256,
    alg: z.literal('Ed25519'),
  })
  .strict();
export type SignedCalibration = z.infer<typeof SignedCalibration>;

/** One stored calibration in a list; `valid` false when its signature no longer matches what is stored. */
export const CalibrationSummary = z
  .object({
    reportId: z.uuid(),
    packageHash: Sha256,
    createdAt: z.iso.datetime({ offset: true }),
    createdBy: z.string(),
    resultCount: z.number().int().nonnegative(),
    valid: z.boolean(),
  })
  .strict();
export type CalibrationSummary = z.infer<typeof CalibrationSummary>;

/** `GET /v1/review/calibrations`: the package versions with results, and their stored calibrations. */
export const CalibrationListResponse = z
  .object({
    packages: z.array(
      z
        .object({
          packageHash: Sha256,
          definitionId: z.string(),
          definitionVersion: z.string(),
          /** The cesuur of the package's own test definition. */
          cesuur: z.number().int().nonnegative(),
          results: z.number().int().nonnegative(),
          calibrations: z.array(CalibrationSummary),
        })
        .strict(),
    ),
  })
  .strict();
export type CalibrationListResponse = z.infer<typeof CalibrationListResponse>;

/** `GET /v1/review/calibrations/:id`: a verified stored calibration (a tampered one is a 409 instead). */
export const CalibrationResponse = z
  .object({
    summary: CalibrationSummary,
    record: CalibrationRecord,
    keyId: Sha256,
  })
  .strict();
export type CalibrationResponse = z.infer<typeof CalibrationResponse>;

/** `POST /v1/review/calibrations`: calibrate one package version now. */
export const RunCalibrationRequest = z.object({ packageHash: Sha256 }).strict();
export type RunCalibrationRequest = z.infer<typeof RunCalibrationRequest>;
