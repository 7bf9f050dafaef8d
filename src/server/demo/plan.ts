/**
 * The demo data plan: which results to create (score, chosen route, conditions, time), following the DUO table
 * scaled to `count`. Pure and seeded, so a demo is reproducible and the DUO test can use the exact table
 * (count = 2,320 gives exactly the report's cells). No signing here: src/cli/demo/ turns a plan into signed results.
 */
import type { BandKey, RouteKey } from '../../shared/review';
import { DUO_CESUUR, DUO_TABLE, DUO_TOTAL } from './duo-table';

export interface PlannedResult {
  raw: number;
  route: RouteKey;
  closedAt: Date;
  doelgroep: 'asielstatushouder' | 'gezinsmigrant' | 'overige-migrant';
  language: 'nl' | 'en' | 'ar' | 'fa' | 'tr' | 'uk' | 'ti';
  /** Pointer types used: touch only, or a mouse on part of the items. */
  input: 'touch' | 'mouse' | 'mixed';
  interpreter: boolean | null;
  practiced: 'yes' | 'no' | 'unknown';
  screen: { widthPx: number; heightPx: number; scaleFactor: number };
  focusLost: boolean;
}

/** Mulberry32: a tiny seeded PRNG, so the same seed gives the same demo. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw scores within each band (cesuur 28), weighted so the histogram looks like a real one (peak in the 30s). */
const BAND_RAWS: Record<BandKey, Array<[number, number]>> = {
  'onder-20': [4, 6, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((raw, i) => [raw, 1 + i * 0.5]),
  'onder-cesuur': [20, 21, 22, 23, 24, 25, 26, 27].map((raw) => [raw, 1]),
  'rond-cesuur': [28, 29, 30].map((raw) => [raw, 1]),
  boven: [31, 32, 33, 34, 35, 36, 37, 38, 39, 40].map((raw, i) => [
    raw,
    [5, 7, 9, 10, 10, 9, 8, 6, 3, 1][i]!,
  ]),
};

function pick<T>(random: () => number, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1]![0];
}

/** Cell counts scaled to `count` by largest remainder, so they add up exactly (2,320 reproduces the table). */
function scaledCells(count: number): Array<{ band: BandKey; route: RouteKey; n: number }> {
  const cells = (Object.keys(DUO_TABLE) as BandKey[]).flatMap((band) =>
    (Object.keys(DUO_TABLE[band]) as RouteKey[]).map((route) => {
      const exact = (DUO_TABLE[band][route] * count) / DUO_TOTAL;
      return { band, route, n: Math.floor(exact), rest: exact - Math.floor(exact) };
    }),
  );
  let missing = count - cells.reduce((s, c) => s + c.n, 0);
  for (const cell of [...cells].sort((a, b) => b.rest - a.rest)) {
    if (missing-- <= 0) break;
    cell.n += 1;
  }
  return cells.map(({ band, route, n }) => ({ band, route, n }));
}

const SCREENS = [
  { widthPx: 2496, heightPx: 1664, scaleFactor: 1 },
  { widthPx: 1920, heightPx: 1080, scaleFactor: 1 },
  { widthPx: 1366, heightPx: 768, scaleFactor: 1 },
];

export function planDemo(options: {
  count: number;
  seed?: number;
  end: Date;
  days?: number;
}): PlannedResult[] {
  const random = prng(options.seed ?? 2023);
  const days = options.days ?? 365;
  const out: PlannedResult[] = [];
  for (const cell of scaledCells(options.count)) {
    for (let i = 0; i < cell.n; i++) {
      const raw = pick(random, BAND_RAWS[cell.band]);
      // Weaker afnamecondities go a little more often with low scores: what the conditions view should reveal.
      const low = raw < DUO_CESUUR;
      out.push({
        raw,
        route: cell.route,
        closedAt: new Date(options.end.getTime() - Math.floor(random() * days * 86_400_000)),
        doelgroep: pick(random, [
          ['asielstatushouder', 55],
          ['gezinsmigrant', 35],
          ['overige-migrant', 10],
        ]),
        language: pick(random, [
          ['nl', 30],
          ['ar', 25],
          ['ti', 15],
          ['fa', 10],
          ['tr', 8],
          ['en', 7],
          ['uk', 5],
        ]),
        input: pick(random, [
          ['touch', low ? 60 : 80],
          ['mouse', low ? 25 : 10],
          ['mixed', 15],
        ]),
        interpreter: pick<boolean | null>(random, [
          [true, 25],
          [false, 60],
          [null, 15],
        ]),
        practiced: pick(random, [
          ['yes', low ? 20 : 35],
          ['no', 50],
          ['unknown', 15],
        ]),
        screen: pick(random, [
          [SCREENS[0]!, 60],
          [SCREENS[1]!, 30],
          [SCREENS[2]!, low ? 15 : 8],
        ]),
        focusLost: random() < 0.05,
      });
    }
  }
  return out.sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime());
}
