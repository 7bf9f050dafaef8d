import { z } from 'zod';
import type { DefinitionStatus } from '../items/definition-status';
import type { TestDefinition } from '../items';
import type { Leerroute } from '../review/distribution';

/**
 * The derived rules of a score, each written once: pass (haalbaar), the outcome it names, twijfelzone
 * membership and conform. Host, server, renderer, CLI and demo data call these; test/unit/lint/one-home.test.ts
 * fails when a copy appears beside them.
 */

/**
 * The outcomes: an advice (the only two; "niet haalbaar" is not the Z-route: that depends on A2, which the LBT does
 * not test), or no advice at all under a `pilot` definition, whose cesuur rests on no evidence (issue 19).
 */
export const Outcome = z.enum(['B1-route haalbaar', 'B1-route niet haalbaar', 'proefafname: geen advies']);
export type Outcome = z.infer<typeof Outcome>;

/** The outcome as the results service stores and serves it (the `results.outcome` column, the review API). */
export const OutcomeKey = z.enum(['haalbaar', 'niet-haalbaar', 'geen-advies']);
export type OutcomeKey = z.infer<typeof OutcomeKey>;

export const OUTCOME_BY_KEY: Readonly<Record<OutcomeKey, Outcome>> = {
  haalbaar: Outcome.enum['B1-route haalbaar'],
  'niet-haalbaar': Outcome.enum['B1-route niet haalbaar'],
  'geen-advies': Outcome.enum['proefafname: geen advies'],
};

/** Pass: a raw score from the cesuur on makes the B1-route haalbaar. */
export function isHaalbaar(raw: number, cesuur: number): boolean {
  return raw >= cesuur;
}

/** Whether a definition in this status gives advice at all: a pilot gives only the score. */
function givesAdvice(status: DefinitionStatus): boolean {
  return status !== 'pilot';
}

export function outcomeOf(raw: number, cesuur: number, status: DefinitionStatus = 'operational'): Outcome {
  return OUTCOME_BY_KEY[outcomeKeyOf(raw, cesuur, status)];
}

export function outcomeKeyOf(
  raw: number,
  cesuur: number,
  status: DefinitionStatus = 'operational',
): OutcomeKey {
  if (!givesAdvice(status)) return 'geen-advies';
  return isHaalbaar(raw, cesuur) ? 'haalbaar' : 'niet-haalbaar';
}

/** The stored key of an outcome. */
export function keyOfOutcome(outcome: Outcome): OutcomeKey {
  const entry = Object.entries(OUTCOME_BY_KEY).find(([, text]) => text === outcome)!;
  return entry[0] as OutcomeKey;
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
