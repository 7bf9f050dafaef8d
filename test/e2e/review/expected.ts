/**
 * The figures the dashboard must show, computed straight from the seed plan with the definitions of the brief
 * (bands <20, 20..c-1, c..c+2, >c+2; conform = score >= cesuur in B1/O or score < cesuur in Z), not with the
 * service's code, so a wrong query cannot agree with itself.
 */
import { CESUUR, GEMEENTE_A, MAX, SEED, type PlannedResult } from './seed-plan';

export type RouteColumn = 'B1' | 'O' | 'Z' | 'onbekend';
export const ROUTE_COLUMNS: RouteColumn[] = ['B1', 'O', 'Z', 'onbekend'];

export function completedOf(gemeente: string, seed: PlannedResult[] = SEED): PlannedResult[] {
  return seed.filter((result) => result.gemeente === gemeente && result.status === 'completed');
}

export function bandOf(raw: number, cesuur = CESUUR): number {
  if (raw < 20) return 0;
  if (raw < cesuur) return 1;
  if (raw <= cesuur + 2) return 2;
  return 3;
}
export const BAND_LABELS = ['<20', `20-${CESUUR - 1}`, `${CESUUR}-${CESUUR + 2}`, `>${CESUUR + 2}`];

export function routeOf(result: PlannedResult): RouteColumn {
  return result.route?.route ?? 'onbekend';
}

export function expectedHistogram(results: PlannedResult[]): number[] {
  const counts = Array.from({ length: MAX + 1 }, () => 0);
  for (const result of results) counts[result.raw]! += 1;
  return counts;
}

/** counts[band][route] */
export function expectedBands(results: PlannedResult[], cesuur = CESUUR): Record<RouteColumn, number>[] {
  const table = BAND_LABELS.map(() => ({ B1: 0, O: 0, Z: 0, onbekend: 0 }));
  for (const result of results) table[bandOf(result.raw, cesuur)]![routeOf(result)] += 1;
  return table;
}

export function isConform(raw: number, route: 'B1' | 'O' | 'Z', cesuur = CESUUR): boolean {
  return raw >= cesuur ? route !== 'Z' : route === 'Z';
}

export function expectedConform(results: PlannedResult[], cesuur = CESUUR) {
  const rows = { B1: { conform: 0, anders: 0 }, O: { conform: 0, anders: 0 }, Z: { conform: 0, anders: 0 } };
  for (const result of results) {
    if (!result.route) continue;
    rows[result.route.route][isConform(result.raw, result.route.route, cesuur) ? 'conform' : 'anders'] += 1;
  }
  return rows;
}

/** Outcomes that change when every result (each scored with cesuur CESUUR) is judged against `cesuur`. */
export function expectedChanged(results: PlannedResult[], cesuur: number): number {
  return results.filter((result) => result.raw >= CESUUR !== result.raw >= cesuur).length;
}

export const A_COMPLETED = completedOf(GEMEENTE_A);
