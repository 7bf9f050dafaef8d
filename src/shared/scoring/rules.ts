import { z } from 'zod';
import type { TestDefinition } from '../items';
import type { Leerroute } from '../review/distribution';

/**
 * The derived rules of a score, each written once: pass (haalbaar), the outcome it names, twijfelzone
 * membership and conform. Host, server, renderer, CLI and demo data call these; test/unit/lint/one-home.test.ts
 * fails when a copy appears beside them.
 */

/** The only two outcomes. "Niet haalbaar" is not the Z-route: that depends on A2, which the LBT does not test. */
export const Outcome = z.enum(['B1-route haalbaar', 'B1-route niet haalbaar']);
export type Outcome = z.infer<typeof Outcome>;

/** The outcome as the results service stores and serves it (the `results.outcome` column, the review API). */
export const OutcomeKey = z.enum(['haalbaar', 'niet-haalbaar']);
export type OutcomeKey = z.infer<typeof OutcomeKey>;

export const OUTCOME_BY_KEY: Readonly<Record<OutcomeKey, Outcome>> = {
  haalbaar: Outcome.enum['B1-route haalbaar'],
  'niet-haalbaar': Outcome.enum['B1-route niet haalbaar'],
};

/** Pass: a raw score from the cesuur on makes the B1-route haalbaar. */
export function isHaalbaar(raw: number, cesuur: number): boolean {
  return raw >= cesuur;
}

export function outcomeOf(raw: number, cesuur: number): Outcome {
  return OUTCOME_BY_KEY[outcomeKeyOf(raw, cesuur)];
}

export function outcomeKeyOf(raw: number, cesuur: number): OutcomeKey {
  return isHaalbaar(raw, cesuur) ? 'haalbaar' : 'niet-haalbaar';
}

/** The stored key of an outcome. */
export function keyOfOutcome(outcome: Outcome): OutcomeKey {
  return outcome === OUTCOME_BY_KEY.haalbaar ? 'haalbaar' : 'niet-haalbaar';
}

/** The scores around the cesuur (inclusive) that consulenten read with care. */
export const Twijfelzone = z.object({ from: z.number().int(), to: z.number().int() }).strict();
export type Twijfelzone = z.infer<typeof Twijfelzone>;
/** A twijfelzone with whether this result's score falls in it. */
export const ScoredTwijfelzone = Twijfelzone.extend({ inZone: z.boolean() }).strict();
export type ScoredTwijfelzone = z.infer<typeof ScoredTwijfelzone>;

/** The zone a definition configures around a cesuur (`below` and `above` count scores, both inclusive). */
export function twijfelzoneAround(cesuur: number, configured: TestDefinition['twijfelzone']): Twijfelzone {
  return { from: cesuur - configured.below, to: cesuur + configured.above };
}

export function inTwijfelzone(raw: number, zone: Twijfelzone): boolean {
  return raw >= zone.from && raw <= zone.to;
}

/** Conform (the leerroute follows the advice): haalbaar placed in B1 or O, niet haalbaar placed in Z. */
export function isConform(route: Leerroute, raw: number, cesuur: number): boolean {
  return isHaalbaar(raw, cesuur) ? route !== 'Z' : route === 'Z';
}
