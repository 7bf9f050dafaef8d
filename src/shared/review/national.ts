import { z } from 'zod';
import { Twijfelzone } from '../scoring/rules';
import { Label } from '../session/event-parts';
import { Band, BandKey, ConditionDimension, Leerroute, RouteKey } from './distribution';

/**
 * The national view of the `analist` (issue 20, item 2): aggregates over a set of gemeenten, never a row. Every
 * count is at least MIN_CELL or null, which the dashboard shows as SUPPRESSED_LABEL; the rule that decides which
 * cells are null (including the complementary ones) is in src/server/national/suppress.ts and docs/PRIVACY.md.
 * The schemas themselves refuse a count under MIN_CELL, so a leak is a 500, never an answer.
 */
export const MIN_CELL = 10;
export const SUPPRESSED_LABEL = '< 10';

/** A published count: MIN_CELL or more, or null when suppressed. */
const Cell = z.number().int().min(MIN_CELL).nullable();
/** Percentages use shown counts only: null when the part or the whole is suppressed. */
const Pct = z.number().min(0).max(100).nullable();
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/**
 * The condition splits the national view offers: the conditions view's, without afnemer and location (their
 * values are afnemer ids and kiosk labels, which are row-level facts of a gemeente, not national conditions).
 */
export const NATIONAL_DIMENSIONS = ConditionDimension.exclude(['afnemer', 'location']);

/**
 * The query of every national endpoint. `gemeenten`: a comma-separated set (absent: every gemeente with
 * results). The period is whole months (inclusive): a day-sized window would let two answers that differ by one
 * day be subtracted into that day's few sittings.
 */
export const NationalQuery = z
  .object({
    gemeenten: z
      .string()
      .max(20_000)
      .transform((text, ctx) => {
        const names = [...new Set(text.split(',').map((name) => name.trim()))].filter(Boolean);
        for (const name of names) {
          if (!Label.safeParse(name).success) {
            ctx.addIssue({ code: 'custom', message: `not a gemeente name: ${name.slice(0, 40)}` });
            return z.NEVER;
          }
        }
        return names;
      })
      .optional(),
    from: Month.optional(),
    to: Month.optional(),
    cesuur: z.coerce.number().int().min(0).max(200).optional(),
  })
  .strict();
export type NationalQuery = z.infer<typeof NationalQuery>;

/** What the answer is about: the gemeenten counted and the period. */
const NationalScope = z
  .object({ gemeenten: z.array(Label), from: Month.nullable(), to: Month.nullable() })
  .strict();

/** `GET /v1/review/national/options`: the gemeenten that have results, for the chooser; no counts. */
export const NationalOptions = z.object({ gemeenten: z.array(Label), minCell: z.literal(MIN_CELL) }).strict();
export type NationalOptions = z.infer<typeof NationalOptions>;

const ConformCells = z
  .object({ conform: Cell, anders: Cell, total: Cell, pctConform: Pct, pctAnders: Pct })
  .strict();

/** `GET /v1/review/national/distribution`: the gemeente distribution view's tables, suppressed. */
export const NationalDistribution = z
  .object({
    scope: NationalScope,
    cesuur: z.number().int().min(0),
    max: z.number().int().min(0),
    twijfelzone: Twijfelzone.nullable(),
    total: Cell,
    cesuurValues: z.array(z.object({ cesuur: z.number().int().min(0), count: Cell }).strict()),
    histogram: z.array(z.object({ raw: z.number().int().min(0), count: Cell }).strict()),
    bands: z.array(
      z
        .object({
          band: Band,
          cells: z.array(
            z.object({ route: RouteKey, count: Cell, pctOfRoute: Pct, pctOfBand: Pct }).strict(),
          ),
          total: Cell,
          pctOfTotal: Pct,
        })
        .strict(),
    ),
    routeTotals: z.array(z.object({ route: RouteKey, count: Cell }).strict()),
    conform: z
      .object({ rows: z.array(ConformCells.extend({ route: Leerroute }).strict()), total: ConformCells })
      .strict(),
  })
  .strict();
export type NationalDistribution = z.infer<typeof NationalDistribution>;

/** `GET /v1/review/national/conditions`: the conditions view's splits, suppressed, without histograms. */
export const NationalConditions = z
  .object({
    scope: NationalScope,
    cesuur: z.number().int().min(0),
    total: Cell,
    dimensions: z.array(
      z
        .object({
          dimension: NATIONAL_DIMENSIONS,
          label: z.string(),
          groups: z.array(
            z
              .object({
                value: z.string(),
                label: z.string(),
                n: Cell,
                /** Mean score; null when n is suppressed. */
                mean: z.number().nullable(),
                haalbaar: Cell,
                pctHaalbaar: Pct,
                bands: z.array(z.object({ band: BandKey, count: Cell }).strict()),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();
export type NationalConditions = z.infer<typeof NationalConditions>;
