/**
 * The DUO report of 16-11-2023 (eight gemeenten; ../shared/domain/lbt-brief.md, source 000:4068-4126): counts of
 * results by score band (cesuur 28) and chosen leerroute. The demo data follows it, and a test feeds exactly
 * these 2,320 results through ingest and checks that the dashboard's tables give these numbers back.
 */
import type { BandKey, RouteKey } from '../../shared/review';

export const DUO_CESUUR = 28;

export const DUO_TABLE: Record<BandKey, Record<RouteKey, number>> = {
  'onder-20': { B1: 58, O: 6, Z: 220, onbekend: 57 },
  'onder-cesuur': { B1: 124, O: 18, Z: 110, onbekend: 61 },
  'rond-cesuur': { B1: 127, O: 12, Z: 19, onbekend: 32 },
  boven: { B1: 1076, O: 171, Z: 16, onbekend: 213 },
};

/** The report's conform / anders-dan-uitslag figures (88% / 12% overall). */
export const DUO_CONFORM = {
  B1: { conform: 1203, anders: 182 },
  O: { conform: 183, anders: 24 },
  Z: { conform: 330, anders: 35 },
} as const;

export const DUO_TOTAL = 2320;
