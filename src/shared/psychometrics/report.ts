import { z } from 'zod';

/**
 * The calibration report of one package version: what `lbt calibrate` prints, the service signs and stores, and
 * the dashboard's beheerder view reads. Every number carries its method in docs/PSYCHOMETRICS.md.
 */
const finite = z.number().finite();

export const CalibrationItem = z
  .object({
    itemId: z.string().min(1),
    /** Rasch difficulty in logits (CML, sum of difficulties 0). */
    difficulty: finite,
    se: finite.nonnegative(),
    infit: finite.nonnegative(),
    outfit: finite.nonnegative(),
    /** Share correct among the sittings used. */
    pValue: finite.min(0).max(1),
  })
  .strict();
export type CalibrationItem = z.infer<typeof CalibrationItem>;

export const AbilityTableRow = z
  .object({ raw: z.number().int().nonnegative(), theta: finite, se: finite.positive(), extreme: z.boolean() })
  .strict();

export const InformationPointSchema = z
  .object({
    theta: finite,
    information: finite.nonnegative(),
    semLogits: finite.positive(),
    semRaw: finite.nonnegative(),
    trueScore: finite.nonnegative(),
  })
  .strict();

export const DataSnapshot = z
  .object({
    /** sha256 of the package manifest the results were taken with. */
    packageHash: z.string().regex(/^[0-9a-f]{64}$/),
    /** Complete, unflagged sittings the calibration used. */
    resultCount: z.number().int().nonnegative(),
    /** Sittings with 0 or every item correct: in the count, but without information on the items under CML. */
    extremeCount: z.number().int().nonnegative(),
    /**
     * Stored results of the package left out, by reason: aborted sittings, sittings with unanswered items (the
     * raw score is only sufficient for complete ones), and the flags that make answers untrustworthy (the
     * server's re-score differs from the device's; answers faster than the definition's fastAnswerMs).
     */
    excluded: z
      .object({
        aborted: z.number().int().nonnegative(),
        incomplete: z.number().int().nonnegative(),
        scoreMismatch: z.number().int().nonnegative(),
        fastAnswers: z.number().int().nonnegative(),
      })
      .strict(),
    /** First and last sitting in the snapshot (ISO 8601). */
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type DataSnapshot = z.infer<typeof DataSnapshot>;

export const CalibrationReport = z
  .object({
    kind: z.literal('lbt.calibration'),
    version: z.literal(1),
    method: z
      .object({
        items: z.literal('rasch-cml'),
        identification: z.literal('sum-zero'),
        persons: z.literal('warm-wle'),
      })
      .strict(),
    snapshot: DataSnapshot,
    items: z.array(CalibrationItem).min(2),
    iterations: z.number().int().nonnegative(),
    personSeparationReliability: finite.min(0).max(1),
    kr20: finite.max(1),
    rawScoreSd: finite.nonnegative(),
    /** Classical SEM in raw-score points: SD sqrt(1 - KR-20). */
    classicalSem: finite.nonnegative(),
    information: z.array(InformationPointSchema).min(1),
    abilityTable: z.array(AbilityTableRow).min(3),
  })
  .strict()
  .refine((report) => report.abilityTable.length === report.items.length + 1, {
    message: 'de tabel van score naar vaardigheid heeft een rij per ruwe score 0..k',
    path: ['abilityTable'],
  });
export type CalibrationReport = z.infer<typeof CalibrationReport>;

/**
 * Classification at one cesuur from one calibration: what the sheet's probability line and the twijfelzone views
 * read. The cesuur version says which released cesuur it is; the calibration is named by its creation time.
 */
export const ClassificationReport = z
  .object({
    kind: z.literal('lbt.classification'),
    version: z.literal(1),
    method: z.literal('rudner'),
    packageHash: z.string().regex(/^[0-9a-f]{64}$/),
    calibrationCreatedAt: z.iso.datetime({ offset: true }),
    cesuur: z.number().int().nonnegative(),
    cesuurVersion: z.string().min(1),
    thetaCut: finite,
    accuracy: finite.min(0).max(1),
    consistency: finite.min(0).max(1),
    byRaw: z
      .array(z.object({ raw: z.number().int().nonnegative(), probability: finite.min(0).max(1) }).strict())
      .min(3),
  })
  .strict();
export type ClassificationReport = z.infer<typeof ClassificationReport>;
