import type { Response } from '../../../src/shared/items/index';
import type { ObjectName } from '../lib/objects';
import { onlyOne, type Rule } from './proof';

/**
 * Woorden leren's rule space. What a voorbeeld shows is pictures named by spoken words, then a word and the tap on
 * its picture. A candidate can take from that: the heard word names a picture (the rule), or a shortcut over the
 * material: the picture whose word was heard first, or last, or the one picture that had no word. Nothing else in
 * the scene varies, so these four are the space. The option's place on screen is not part of any rule: copying it
 * is a strategy, bounded by the package rules.
 */
export interface WoordenHalf {
  pairs: ReadonlyArray<readonly [ObjectName, string]>;
  ask: number;
  /** The option pictures, in the order shown. */
  options: readonly ObjectName[];
}

export const MODEL = 'woorden-leren/1';
export const INTENDED = 'het gehoorde woord noemt het plaatje';

const tap = (half: WoordenHalf, index: number | null): Response | null =>
  index === null ? null : { kind: 'choose', optionId: `keuze-${half.options[index]}` };
const byName = (half: WoordenHalf, name: ObjectName | undefined) =>
  tap(
    half,
    onlyOne(half.options, (o) => o === name),
  );

export const RULES: Rule<WoordenHalf>[] = [
  { name: INTENDED, answer: (h) => byName(h, h.pairs[h.ask]?.[0]) },
  { name: 'het plaatje van het eerste woord', answer: (h) => byName(h, h.pairs[0]?.[0]) },
  { name: 'het plaatje van het laatste woord', answer: (h) => byName(h, h.pairs[h.pairs.length - 1]?.[0]) },
  {
    name: 'het plaatje zonder woord',
    answer: (h) =>
      tap(
        h,
        onlyOne(h.options, (o) => !h.pairs.some(([name]) => name === o)),
      ),
  },
];
