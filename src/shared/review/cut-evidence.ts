import { z } from 'zod';
import { DefinitionStatus } from '../items/definition-status';
import { Twijfelzone } from '../scoring/rules';

/**
 * What the calibration of one package version says about one cesuur (issue 19, Build 4 and 5): the what-if
 * view asks it for the cesuur it tries, the distribution view for the cesuur it draws. The package is the one of
 * the newest completed result under the filters, the same result whose cesuur the distribution draws. The
 * service computes every number and sentence (src/server/review/cut-evidence.ts); the dashboard only shows them.
 */
const finite = z.number().finite();
const Count = z.number().int().min(0);

const EvidencePackage = z
  .object({
    packageId: z.string().min(1),
    version: z.string().min(1),
    packageHash: z.string().regex(/^[0-9a-f]{64}$/),
    status: DefinitionStatus,
    /** "proefafname (geen advies)", "voorlopig (cesuur nog niet vastgesteld)", "operationeel". */
    statusText: z.string().min(1),
  })
  .strict();

const ScoreCertainty = z
  .object({
    raw: Count,
    /** P(true score >= cesuur | this raw score), Rudner's method on the calibration. */
    probability: finite.min(0).max(1),
    /** The same in plain Dutch: "ongeveer 3 op de 4 kandidaten met deze score horen boven de cesuur". */
    sentence: z.string().min(1),
  })
  .strict();

const CutEvidence = z
  .object({
    /** When the calibration was made, and from how many complete sittings. */
    calibratedAt: z.iso.datetime({ offset: true }),
    sittings: Count,
    cesuur: Count,
    /** The ability of a sitting that scored exactly the cesuur: the raw-score-to-ability table's row. */
    abilityAtCesuur: finite,
    /** The cesuur on the ability scale: where the true score equals the cesuur (Rudner's cut). */
    thetaCut: finite,
    /** The standard error of measurement at that cut, in logits and in raw-score points. */
    semLogits: finite.positive(),
    semRaw: finite.nonnegative(),
    /**
     * Expected share classified on their true side, and on the same side by a second sitting, over the completed
     * results under the filters (their scores weigh); null when none of them has a score the calibration knows.
     */
    accuracy: finite.min(0).max(1).nullable(),
    consistency: finite.min(0).max(1).nullable(),
    /** The package's twijfelzone around this cesuur, within the score scale. */
    twijfelzone: Twijfelzone,
    /** One row per raw score in the twijfelzone. */
    byRaw: z.array(ScoreCertainty),
  })
  .strict();

/**
 * `GET /v1/review/twijfelzone?<filters>[&cesuur=N]` and the `calibration` of the what-if answer. `evidence` is null
 * when there is no calibration for the package, when the cesuur cannot be placed on its scale (0, the maximum or
 * beyond), and in the twijfelzone view for a pilot package (its scores carry no advice, so no probability of one
 * either). `note` is the one calm line the view shows instead or beside it; null when there is nothing to say.
 */
export const CutEvidenceResponse = z
  .object({
    /** Null when no completed result matches the filters. */
    package: EvidencePackage.nullable(),
    evidence: CutEvidence.nullable(),
    note: z.string().min(1).nullable(),
  })
  .strict();
export type CutEvidenceResponse = z.infer<typeof CutEvidenceResponse>;
