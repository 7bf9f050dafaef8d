import { z } from 'zod';
import { ResultId } from '../result/record';
import { DefinitionStatus } from '../items/definition-status';
import { OUTCOME_BY_KEY, OutcomeKey, ScoredTwijfelzone } from '../scoring/rules';
import { Leerroute, RouteKey } from './distribution';
import { ValidityFlag } from './filters';

/**
 * Why a consulent deviates from the LBT advice. The reports: deviation is mostly upward (motivation, education
 * abroad, another test), sometimes downward (medical, family). The reason goes into the PIP.
 */
export const DeviationReason = z.enum([
  'motivatie-opleiding',
  'andere-toets',
  'brede-intake',
  'twijfelzone',
  'afnamecondities',
  'medisch',
  'gezinssituatie',
  'overig',
]);
export type DeviationReason = z.infer<typeof DeviationReason>;
export const DEVIATION_REASON_LABELS: Record<DeviationReason, string> = {
  'motivatie-opleiding': 'Motivatie of opleiding in het land van herkomst',
  'andere-toets': 'Uitslag van een andere toets (bijvoorbeeld de intake van de taalschool)',
  'brede-intake': 'Bevindingen uit de brede intake',
  twijfelzone: 'Score in de twijfelzone rond de cesuur',
  afnamecondities: 'De afnamecondities maken de uitslag onbetrouwbaar',
  medisch: 'Medische redenen',
  gezinssituatie: 'Gezinssituatie of zorgtaken',
  overig: 'Andere reden (zie toelichting)',
};

export const EXPLANATION_MIN = 10;
/**
 * Short on purpose (was 500 before issue 20, item 7): the reason code carries the decision, the text only
 * explains it, and a long text invites details about the person. Stored longer ones still show.
 */
export const EXPLANATION_MAX = 300;

/**
 * `PUT /v1/review/results/:resultId/leerroute`. Against the advice (raw >= cesuur placed in Z, or raw < cesuur
 * placed in B1 or O) `reason` and `explanation` are required, else 422 with code `invalid`. When the route follows
 * the advice they may be given but are not required.
 */
export const RecordLeerrouteRequest = z
  .object({
    route: Leerroute,
    reason: DeviationReason.optional(),
    explanation: z.string().trim().min(EXPLANATION_MIN).max(EXPLANATION_MAX).optional(),
  })
  .strict();
export type RecordLeerrouteRequest = z.infer<typeof RecordLeerrouteRequest>;

export const LeerrouteRecord = z
  .object({
    route: Leerroute,
    conform: z.boolean(),
    reason: DeviationReason.nullable(),
    explanation: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.iso.datetime(),
  })
  .strict();
export type LeerrouteRecord = z.infer<typeof LeerrouteRecord>;

/** One row of `GET /v1/review/results?<filters>&limit=&offset=` (newest first). */
export const ResultRow = z
  .object({
    resultId: ResultId,
    closedAt: z.iso.datetime(),
    candidateRef: z.string(),
    status: z.enum(['completed', 'aborted']),
    raw: z.number().int(),
    max: z.number().int(),
    cesuur: z.number().int(),
    outcome: OutcomeKey.nullable(),
    inTwijfelzone: z.boolean(),
    route: RouteKey,
    conform: z.boolean().nullable(),
    flags: z.array(ValidityFlag),
    deviceLabel: z.string(),
  })
  .strict();
export type ResultRow = z.infer<typeof ResultRow>;
export const ResultListResponse = z
  .object({ total: z.number().int().min(0), rows: z.array(ResultRow) })
  .strict();
export type ResultListResponse = z.infer<typeof ResultListResponse>;

/** Dutch wording on the result sheet; the Z-route is defined by A2 not being reachable, not by this test. */
export const OUTCOME_TEXT = {
  ...OUTCOME_BY_KEY,
  afgebroken: 'Geen uitslag: de toets is afgebroken',
} as const;
/** What a pilot sheet says instead of the Z-route note: why there is no advice. */
export const PILOT_NOTE =
  'Proefafname: dit toetspakket is nog niet gekalibreerd en de cesuur is niet onderbouwd. ' +
  'De score staat hier als informatie; de toets geeft geen advies over de leerroute.';
export const NOT_Z_ROUTE_NOTE =
  '"B1-route niet haalbaar" is niet hetzelfde als de Z-route: de Z-route is bedoeld voor wie ook A2 niet kan halen. ' +
  'Deze toets zegt daar niets over.';

/** `GET /v1/review/results/:resultId`: the printable result sheet for the PIP file. */
export const ResultSheet = z
  .object({
    resultId: ResultId,
    candidateRef: z.string(),
    gemeente: z.string(),
    status: z.enum(['completed', 'aborted']),
    openedAt: z.iso.datetime(),
    closedAt: z.iso.datetime(),
    afnemerId: z.string(),
    doelgroep: z.string(),
    language: z.string(),
    raw: z.number().int(),
    max: z.number().int(),
    cesuur: z.number().int(),
    outcome: OutcomeKey.nullable(),
    outcomeText: z.string(),
    outcomeNote: z.string(),
    /** The package and test definition the result was taken with and is scored against (issue 19). */
    package: z.object({ packageId: z.string(), version: z.string(), packageHash: z.string() }).strict(),
    definitionStatus: DefinitionStatus,
    /** The status in Dutch, e.g. "proefafname (geen advies)". */
    definitionStatusText: z.string(),
    /** The cesuur version the outcome was judged by, in one Dutch line, and how it was set. */
    cesuurVersionText: z.string(),
    cesuurMethod: z.string(),
    /** Why the advice is only voorlopig; null when it is not. */
    voorlopig: z.string().nullable(),
    /**
     * Under a released cesuur: the probability that the true score is at or above the cesuur, in plain Dutch, or
     * one calm line saying there is no calibration yet. Null for a pilot or an aborted sitting.
     */
    probabilityLine: z.string().nullable(),
    twijfelzone: ScoredTwijfelzone,
    unanswered: z.number().int(),
    /** Afnamecondities as label/value pairs in Dutch, in display order. */
    conditions: z.array(z.object({ label: z.string(), value: z.string() }).strict()),
    flags: z.array(z.object({ flag: ValidityFlag, label: z.string() }).strict()),
    /** Pauses, interruptions and an abort, in time order, in Dutch. */
    incidents: z.array(z.object({ at: z.iso.datetime(), text: z.string() }).strict()),
    device: z.object({ deviceId: z.string(), label: z.string() }).strict(),
    leerroute: LeerrouteRecord.nullable(),
  })
  .strict();
export type ResultSheet = z.infer<typeof ResultSheet>;
