/**
 * What-if cesuur: how many completed results would get another outcome under `cesuur` than under the cesuur
 * they were judged by, per route and per band of the current reference cesuur (so "28-30" shows how many of
 * today's borderline results flip at 31). Same groups as the distribution.
 */
import type { RouteKey, WhatIfCounts } from '../../shared/review';
import { isHaalbaar } from '../../shared/scoring/rules';
import { bandOf, bandsFor, conformTable, ROUTES, type Group } from './bands';

interface Tally {
  total: number;
  changed: number;
  naarHaalbaar: number;
  naarNietHaalbaar: number;
}

const empty = (): Tally => ({ total: 0, changed: 0, naarHaalbaar: 0, naarNietHaalbaar: 0 });

function add(t: Tally, g: Group, cesuur: number): void {
  const before = isHaalbaar(g.raw, g.cesuur);
  const after = isHaalbaar(g.raw, cesuur);
  t.total += g.n;
  if (before === after) return;
  t.changed += g.n;
  if (after) t.naarHaalbaar += g.n;
  else t.naarNietHaalbaar += g.n;
}

export function buildWhatIf(
  groups: readonly Group[],
  cesuur: number,
  ref: { cesuur: number; max: number },
): WhatIfCounts {
  const total = empty();
  const byBand = bandsFor(ref.cesuur, ref.max).map((band) => ({ band, ...empty() }));
  const byRoute = new Map<RouteKey, Tally>(ROUTES.map((r) => [r, empty()]));
  let withoutAdvice = 0;
  for (const g of groups) {
    // A pilot result has no outcome, so none that could change.
    if (!g.advice) {
      withoutAdvice += g.n;
      continue;
    }
    add(total, g, cesuur);
    add(
      byBand.find((b) => b.band.key === bandOf(g.raw, ref.cesuur))!,
      g,
      cesuur,
    );
    add(byRoute.get(g.route)!, g, cesuur);
  }
  return {
    cesuur,
    bandCesuur: ref.cesuur,
    total,
    byBand,
    byRoute: ROUTES.map((route) => ({ route, ...byRoute.get(route)! })),
    withoutAdvice,
    conform: conformTable(groups, () => cesuur),
  };
}
