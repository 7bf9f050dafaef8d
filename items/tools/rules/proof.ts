import type { Response, RuleProof } from '../../../src/shared/items/index';
import { isCorrect } from '../../../src/shared/scoring/correctness';

/**
 * The generic half of every family's rule model. A family states the space of rules a candidate could plausibly
 * infer from a voorbeeld: each rule answers a half (the voorbeeld's material or the opgave's), or says nothing
 * (null) about material it does not fit. A rule is consistent when it reproduces everything the item shows as
 * worked out: the voorbeeld's demonstrated answer and any example the opgave itself shows. The item is sound when
 * every consistent rule that answers the opgave gives its key, and the intended rule is among them.
 */
export interface Rule<H> {
  /** Short and readable: it is recorded in the package (`proof.consistent[].rule`) and shown by verify. */
  name: string;
  answer(half: H): Response | null;
  /** Extra evidence the rule must fit beyond the voorbeeld's answer (e.g. the opgave's own shown A -> A'). */
  fits?(half: H): boolean;
}

export interface ProofInput<H> {
  model: string;
  rules: readonly Rule<H>[];
  voorbeeld: H;
  answer: Response;
  opgave: H;
  key: Response;
  /** The rule the item is built to test: it must be consistent and answer the key. */
  intended: string;
  /** The size of the rule space when `rules` was pruned of rules that cannot fit (default: rules.length). */
  considered?: number;
}

export class AmbiguousItemError extends Error {}

/** Enumerates the rule space for one item; throws, naming the item and the rules, when it is not sound. */
export function prove<H>(id: string, input: ProofInput<H>): RuleProof {
  const consistent = input.rules.filter((rule) => {
    const given = rule.answer(input.voorbeeld);
    return (
      given !== null &&
      isCorrect(given, input.answer) &&
      (rule.fits?.(input.voorbeeld) ?? true) &&
      (rule.fits?.(input.opgave) ?? true)
    );
  });
  const entries = consistent.map((rule) => ({ rule: rule.name, answer: rule.answer(input.opgave) }));
  const wrong = entries.filter((e) => e.answer !== null && !isCorrect(e.answer, input.key));
  const intended = entries.find((e) => e.rule === input.intended);
  if (!intended || intended.answer === null || !isCorrect(intended.answer, input.key)) {
    throw new AmbiguousItemError(
      `${id}: the intended rule "${input.intended}" does not fit the voorbeeld or does not give the key`,
    );
  }
  if (wrong.length > 0) {
    throw new AmbiguousItemError(
      `${id}: rules consistent with the voorbeeld give another answer than the key: ${wrong
        .map((e) => `${e.rule} -> ${JSON.stringify(e.answer)}`)
        .join('; ')}`,
    );
  }
  return {
    model: input.model,
    rulesConsidered: input.considered ?? input.rules.length,
    consistent: entries,
  };
}

/** The option whose value satisfies `match`, when exactly one does; null otherwise (the rule picks nothing). */
export function onlyOne<T>(values: readonly T[], match: (value: T) => boolean): number | null {
  const hits = values.flatMap((value, i) => (match(value) ? [i] : []));
  return hits.length === 1 ? hits[0]! : null;
}
