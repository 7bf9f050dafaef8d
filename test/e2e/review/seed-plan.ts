/**
 * The seeded data set of the review e2e, as plain facts (no crypto, no HTTP), so the spec can compute every
 * figure it expects from this list independently of the service's queries.
 */
import type { Doelgroep } from '../../../src/shared/session/event-parts';
import type { DeviationReason, Leerroute } from '../../../src/shared/review';

export const GEMEENTE_A = 'Amersfoort';
export const GEMEENTE_B = 'Breda';
export const CESUUR = 28;
export const MAX = 40;

export interface PlannedResult {
  gemeente: string;
  /** Index into the gemeente's devices. */
  device: number;
  candidateRef: string;
  status: 'completed' | 'aborted';
  raw: number;
  doelgroep: Doelgroep;
  language: 'nl' | 'ar' | 'ti' | 'en';
  interpreter: boolean;
  input: 'touch' | 'mouse';
  practiced: 'yes' | 'no';
  focusLost: boolean;
  closedAt: Date;
  route: { route: Leerroute; reason?: DeviationReason; explanation?: string } | null;
}

/** A small deterministic generator (mulberry32): the same data set on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOELGROEPEN: Doelgroep[] = ['asielstatushouder', 'gezinsmigrant', 'overige-migrant'];
const LANGUAGES = ['nl', 'ar', 'ti', 'en'] as const;

/** A route as a consulent would mostly choose it: conform, with the odd upward or downward deviation. */
function chooseRoute(raw: number, next: () => number, index: number): PlannedResult['route'] {
  const draw = next();
  if (draw < 0.25) return null; // nog niet bekend
  if (raw >= CESUUR) {
    if (draw > 0.93)
      return { route: 'Z', reason: 'medisch', explanation: 'Langdurig ziek, kan geen les volgen.' };
    return { route: draw > 0.8 ? 'O' : 'B1' };
  }
  if (draw > 0.85)
    return {
      route: 'B1',
      reason: index % 2 ? 'motivatie-opleiding' : 'twijfelzone',
      explanation: 'Hoog opgeleid in het land van herkomst, zeer gemotiveerd.',
    };
  return { route: 'Z' };
}

function plan(gemeente: string, prefix: string, count: number, seed: number): PlannedResult[] {
  const next = random(seed);
  const results: PlannedResult[] = [];
  for (let index = 0; index < count; index++) {
    // A skewed mix like the DUO table: most score high, a cluster near the cesuur, a tail below 20.
    const draw = next();
    const raw =
      draw < 0.15
        ? 8 + Math.floor(next() * 12)
        : draw < 0.35
          ? 20 + Math.floor(next() * 8)
          : draw < 0.55
            ? 28 + Math.floor(next() * 3)
            : 31 + Math.floor(next() * 10);
    const aborted = index % 29 === 7;
    const day = 1 + Math.floor(next() * 27);
    results.push({
      gemeente,
      device: index % 3 === 0 ? 1 : 0,
      candidateRef: `${prefix}-${String(index + 1).padStart(4, '0')}`,
      status: aborted ? 'aborted' : 'completed',
      raw,
      doelgroep: DOELGROEPEN[Math.floor(next() * DOELGROEPEN.length)]!,
      language: LANGUAGES[Math.floor(next() * LANGUAGES.length)]!,
      interpreter: next() < 0.3,
      input: next() < 0.2 ? 'mouse' : 'touch',
      practiced: next() < 0.4 ? 'yes' : 'no',
      focusLost: next() < 0.1,
      closedAt: new Date(Date.UTC(2026, 1, day, 9 + (index % 7), (index * 7) % 60)),
      route: aborted ? null : chooseRoute(raw, next, index),
    });
  }
  return results;
}

/** Gemeente A: what the consulent reviews. Gemeente B: must never show up for A's users. */
export const SEED: PlannedResult[] = [
  ...plan(GEMEENTE_A, 'A', 96, 20260301),
  ...plan(GEMEENTE_B, 'B', 24, 777),
];
