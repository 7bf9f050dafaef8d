import { z } from 'zod';
import { Twijfelzone } from '../scoring/rules';
import { CutEvidenceResponse } from './cut-evidence';

const Count = z.number().int().min(0);
/** Percentages are rounded to one decimal; null when the denominator is 0. */
const Pct = z.number().min(0).max(100).nullable();

/** The leerroute a consulent chose; `onbekend` ("nog niet bekend") = nothing recorded yet. */
export const Leerroute = z.enum(['B1', 'O', 'Z']);
export type Leerroute = z.infer<typeof Leerroute>;
export const RouteKey = z.enum(['B1', 'O', 'Z', 'onbekend']);
export type RouteKey = z.infer<typeof RouteKey>;
export const ROUTE_LABELS: Record<RouteKey, string> = {
  B1: 'B1-route',
  O: 'Onderwijsroute',
  Z: 'Z-route',
  onbekend: 'Nog niet bekend',
};

/**
 * The DUO-style score bands, following the cesuur c: `<20`, `20..c-1`, `c..c+2`, `>c+2` (with c = 28:
 * <20, 20-27, 28-30, >30). `label` in each answer spells the band out for the cesuur used.
 */
export const BandKey = z.enum(['onder-20', 'onder-cesuur', 'rond-cesuur', 'boven']);
export type BandKey = z.infer<typeof BandKey>;

export const Band = z
  .object({ key: BandKey, label: z.string(), from: z.number().int(), to: z.number().int() })
  .strict();
export type Band = z.infer<typeof Band>;

export const HistogramBin = z.object({ raw: Count, count: Count }).strict();

export const BandRouteCell = z
  .object({
    route: RouteKey,
    count: Count,
    /** Share of the route's column. */
    pctOfRoute: Pct,
    /** Share of the band's row. */
    pctOfBand: Pct,
  })
  .strict();

export const BandRow = z
  .object({ band: Band, cells: z.array(BandRouteCell), total: Count, pctOfTotal: Pct })
  .strict();
export type BandRow = z.infer<typeof BandRow>;

/**
 * "Ingedeeld conform uitslag": score >= cesuur placed in B1 or O, or score < cesuur placed in Z (the result's own
 * cesuur). Anything else is "anders dan uitslag". Results without a recorded route are not counted here.
 */
export const ConformRow = z
  .object({
    route: Leerroute,
    conform: Count,
    anders: Count,
    total: Count,
    pctConform: Pct,
    pctAnders: Pct,
  })
  .strict();
export const ConformTable = z
  .object({ rows: z.array(ConformRow), total: ConformRow.omit({ route: true }) })
  .strict();
export type ConformTable = z.infer<typeof ConformTable>;

/** `GET /v1/review/distribution?<filters>[&cesuur=N]`: completed results only. */
export const DistributionResponse = z
  .object({
    /** The cesuur the bands and the line use: the query's `cesuur`, else that of the most recent result. */
    cesuur: Count,
    /** Cesuur values present in the filtered data (the cesuur was 31 before it became 28). */
    cesuurValues: z.array(z.object({ cesuur: Count, count: Count }).strict()),
    max: Count,
    /** The configured twijfelzone of the most recent result's test definition (null without results). */
    twijfelzone: Twijfelzone.nullable(),
    total: Count,
    histogram: z.array(HistogramBin),
    bands: z.array(BandRow),
    routeTotals: z.array(z.object({ route: RouteKey, count: Count }).strict()),
    /** Of `total`: pilot results ("proefafname: geen advies"), in the histogram and bands, not in `conform`. */
    withoutAdvice: Count,
    conform: ConformTable,
  })
  .strict();
export type DistributionResponse = z.infer<typeof DistributionResponse>;

/**
 * `GET /v1/review/what-if?cesuur=N&<filters>`: how many outcomes change against each result's own cesuur,
 * per route and per band of the current cesuur.
 */
export const WhatIfRow = z
  .object({
    total: Count,
    changed: Count,
    /** From "niet haalbaar" to "haalbaar" (a lower cesuur) and the other way round. */
    naarHaalbaar: Count,
    naarNietHaalbaar: Count,
  })
  .strict();
const WhatIfCounts = z
  .object({
    cesuur: Count,
    /** The cesuur the bands of `byBand` follow: the current one (see DistributionResponse.cesuur). */
    bandCesuur: Count,
    total: WhatIfRow,
    byBand: z.array(WhatIfRow.extend({ band: Band })),
    byRoute: z.array(WhatIfRow.extend({ route: RouteKey })),
    /** Pilot results in scope: they have no advice, so no outcome to change; counted nowhere above. */
    withoutAdvice: Count,
    /** The conform table as it would read under the chosen cesuur. */
    conform: ConformTable,
  })
  .strict();
/** The counts alone (what-if.ts); the route adds what the calibration says. */
export type WhatIfCounts = z.infer<typeof WhatIfCounts>;
export const WhatIfResponse = WhatIfCounts.extend({
  /** What the calibration of the newest result's package says about the chosen cesuur (cut-evidence.ts). */
  calibration: CutEvidenceResponse,
}).strict();
export type WhatIfResponse = z.infer<typeof WhatIfResponse>;

/** The afnamecondities the conditions view splits by. */
export const ConditionDimension = z.enum([
  'inputType',
  'interpreter',
  'practiced',
  'quietRoom',
  'groupSize',
  'intakeMoment',
  'interpreterMode',
  'interpreterLanguage',
  'translationTool',
  'deviceModel',
  'resolution',
  'shell',
  'language',
  'afnemer',
  'location',
  'flag',
]);
export type ConditionDimension = z.infer<typeof ConditionDimension>;
export const CONDITION_LABELS: Record<ConditionDimension, string> = {
  inputType: 'Invoer (aanraken of muis)',
  interpreter: 'Tolk',
  practiced: 'Vooraf geoefend',
  quietRoom: 'Rustige ruimte',
  groupSize: 'Groepsgrootte',
  intakeMoment: 'Moment van de intake',
  interpreterMode: 'Tolk: in de ruimte of telefonisch',
  interpreterLanguage: 'Taal van de tolk',
  translationTool: 'Vertaalhulpmiddel',
  deviceModel: 'Apparaat',
  resolution: 'Schermresolutie',
  shell: 'Kiosk-omgeving',
  language: 'Instructietaal',
  afnemer: 'Afnemer',
  location: 'Locatie (kiosk)',
  flag: 'Geldigheidssignalen',
};

/** Groups with fewer results than this are marked: nobody should read a trend into them. */
export const DEFAULT_MIN_GROUP = 30;
export const TOO_SMALL_LABEL = 'te klein om iets te zeggen';

export const ConditionGroup = z
  .object({
    /** The stored value (e.g. `touch`, `ja`, `1920x1080@1`, `mouse-used`); `onbekend` when not recorded. */
    value: z.string(),
    label: z.string(),
    n: Count,
    tooSmall: z.boolean(),
    mean: z.number().nullable(),
    haalbaar: Count,
    /** Of the results with advice: pilot results ("proefafname: geen advies") are left out, and counted here. */
    pctHaalbaar: Pct,
    withoutAdvice: Count,
    bands: z.array(z.object({ band: BandKey, count: Count }).strict()),
    histogram: z.array(HistogramBin),
  })
  .strict();
export const ConditionsResponse = z
  .object({
    cesuur: Count,
    max: Count,
    minGroup: Count,
    dimensions: z.array(
      z
        .object({ dimension: ConditionDimension, label: z.string(), groups: z.array(ConditionGroup) })
        .strict(),
    ),
  })
  .strict();
export type ConditionsResponse = z.infer<typeof ConditionsResponse>;

/**
 * `GET /v1/review/reliability?<filters>`: classical test statistics over completed results. `sd` is the
 * population SD (divide by n), the one KR-20 uses; SEM = SD * sqrt(1 - KR-20). `items` only for a beheerder
 * (null for other roles).
 */
export const ItemStatistic = z
  .object({
    position: z.number().int().min(1),
    itemId: z.string().nullable(),
    /** Share answered correctly. */
    p: z.number().min(0).max(1),
    /** Correlation of the item with the total of the other items; null when either has no variance. */
    itemRest: z.number().min(-1).max(1).nullable(),
  })
  .strict();
export const ReliabilityResponse = z
  .object({
    n: Count,
    items: Count,
    mean: z.number().nullable(),
    sd: z.number().nullable(),
    kr20: z.number().nullable(),
    sem: z.number().nullable(),
    cesuur: Count,
    twijfelzoneConfigured: Twijfelzone.nullable(),
    /** cesuur - SEM .. cesuur + SEM, one decimal. */
    twijfelzoneSem: z.object({ from: z.number(), to: z.number() }).strict().nullable(),
    itemStatistics: z.array(ItemStatistic).nullable(),
  })
  .strict();
export type ReliabilityResponse = z.infer<typeof ReliabilityResponse>;
