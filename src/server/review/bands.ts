/**
 * The DUO-style bands and the conform table (the conform rule itself is src/shared/scoring/rules.ts), as pure functions over aggregated groups. SQL reduces the results to
 * groups of (raw, cesuur, route) with a count (at most 41 x cesuur values x 4 rows); these functions only label
 * and add up those groups, so a million results cost one GROUP BY, not a million JavaScript objects.
 */
import type { Band, BandKey, ConformTable, Leerroute, RouteKey } from '../../shared/review';
import { isConform, isHaalbaar } from '../../shared/scoring/rules';

export interface Group {
  raw: number;
  /** The result's own cesuur (what its outcome was judged by). */
  cesuur: number;
  route: RouteKey;
  /** False for a pilot result ("proefafname: geen advies"): a real score, but no advice to be conform with. */
  advice: boolean;
  n: number;
}

export const ROUTES: readonly RouteKey[] = ['B1', 'O', 'Z', 'onbekend'];
export const CHOSEN_ROUTES: readonly Leerroute[] = ['B1', 'O', 'Z'];

/** <20, 20..c-1, c..c+2, >c+2 (up to `max`). With a cesuur at or below 20 the first band ends below the cesuur. */
export function bandsFor(cesuur: number, max: number): Band[] {
  const low = Math.min(20, cesuur);
  return [
    { key: 'onder-20', label: `<${low}`, from: 0, to: low - 1 },
    { key: 'onder-cesuur', label: `${low}-${cesuur - 1}`, from: low, to: cesuur - 1 },
    { key: 'rond-cesuur', label: `${cesuur}-${cesuur + 2}`, from: cesuur, to: cesuur + 2 },
    { key: 'boven', label: `>${cesuur + 2}`, from: cesuur + 3, to: Math.max(max, cesuur + 3) },
  ];
}

export function bandOf(raw: number, cesuur: number): BandKey {
  if (raw < Math.min(20, cesuur)) return 'onder-20';
  if (!isHaalbaar(raw, cesuur)) return 'onder-cesuur';
  if (raw <= cesuur + 2) return 'rond-cesuur';
  return 'boven';
}

export function pct(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * The conform table; `cesuurOf` picks the cesuur per group (its own, or a what-if value). Results without advice
 * (pilot) are neither conform nor not: they are left out.
 */
export function conformTable(groups: readonly Group[], cesuurOf: (g: Group) => number): ConformTable {
  const rows = CHOSEN_ROUTES.map((route) => {
    let conform = 0;
    let anders = 0;
    for (const g of groups) {
      if (g.route !== route || !g.advice) continue;
      if (isConform(route, g.raw, cesuurOf(g))) conform += g.n;
      else anders += g.n;
    }
    const total = conform + anders;
    return { route, conform, anders, total, pctConform: pct(conform, total), pctAnders: pct(anders, total) };
  });
  const conform = rows.reduce((s, r) => s + r.conform, 0);
  const anders = rows.reduce((s, r) => s + r.anders, 0);
  const total = conform + anders;
  return {
    rows,
    total: { conform, anders, total, pctConform: pct(conform, total), pctAnders: pct(anders, total) },
  };
}
