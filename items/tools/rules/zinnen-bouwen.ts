import type { Response } from '../../../src/shared/items/index';
import type { ObjectName } from '../lib/objects';
import type { Rule } from './proof';

/**
 * Zinnen bouwen's rule space. A voorbeeld shows a picture (one or two groups of things, standing on or next to each
 * other) and its sentence. What a candidate can take from it is how the sentence is built from the picture:
 * - which group is named first: by position in the picture (top or bottom, left or right), or by group size
 *   (the larger or the smaller group first);
 * - where a count word goes: after its noun or before it;
 * - where the relation word goes: between the two groups, last, or first.
 * Every combination is a rule (6 x 2 x 3 = 36). A rule that needs a fact the picture does not give (left and right
 * of things stacked on each other, a larger group of two equal groups) says nothing, as does one that needs a word
 * no tile carries. Which object kind comes first cannot be a rule here: the opgave's things are never the
 * voorbeeld's, so no kind-based order carries over.
 */
export type Fn = 'two' | 'three' | 'on' | 'next';
export interface Group {
  kind: ObjectName;
  count: 1 | 2 | 3;
}
export interface ZinHalf {
  relation: 'on' | 'next' | null;
  /** For `on` the group on top first, for `next` the left group first; one group without a relation. */
  groups: readonly Group[];
  /** Every tile id in the scene. */
  tiles: readonly string[];
}

export const MODEL = 'zinnen-bouwen/1';

type Criterion = { name: string; first(h: ZinHalf): number | null };
const spatial = (relation: 'on' | 'next', index: 0 | 1) => (h: ZinHalf) =>
  h.groups.length === 1 ? 0 : h.relation === relation ? index : null;
const bySize = (larger: boolean) => (h: ZinHalf) => {
  if (h.groups.length === 1) return 0;
  const [a, b] = [h.groups[0]!.count, h.groups[1]!.count];
  if (a === b) return null;
  return a > b === larger ? 0 : 1;
};
const CRITERIA: Criterion[] = [
  { name: 'boven eerst', first: spatial('on', 0) },
  { name: 'onder eerst', first: spatial('on', 1) },
  { name: 'links eerst', first: spatial('next', 0) },
  { name: 'rechts eerst', first: spatial('next', 1) },
  { name: 'grootste groep eerst', first: bySize(true) },
  { name: 'kleinste groep eerst', first: bySize(false) },
];
const COUNT_AT = ['aantal na het ding', 'aantal voor het ding'] as const;
const RELATION_AT = ['verband ertussen', 'verband achteraan', 'verband vooraan'] as const;

export const nounTile = (kind: ObjectName) => `blok-${kind}`;
export const fnTile = (fn: Fn) => `blok-${fn}`;
const COUNT_WORD: Record<number, Fn | null> = { 1: null, 2: 'two', 3: 'three' };

function sentence(
  h: ZinHalf,
  criterion: Criterion,
  countAt: (typeof COUNT_AT)[number],
  relationAt: (typeof RELATION_AT)[number],
): Response | null {
  const first = criterion.first(h);
  if (first === null) return null;
  const ordered = h.groups.length === 1 ? h.groups : [h.groups[first]!, h.groups[1 - first]!];
  const phrase = (g: Group): string[] => {
    const count = COUNT_WORD[g.count];
    if (!count) return [nounTile(g.kind)];
    return countAt === COUNT_AT[0] ? [nounTile(g.kind), fnTile(count)] : [fnTile(count), nounTile(g.kind)];
  };
  const phrases = ordered.map(phrase);
  let words: string[];
  if (h.relation === null) words = phrases.flat();
  else {
    const rel = fnTile(h.relation);
    words =
      relationAt === RELATION_AT[0]
        ? [...phrases[0]!, rel, ...phrases[1]!]
        : relationAt === RELATION_AT[1]
          ? [...phrases.flat(), rel]
          : [rel, ...phrases.flat()];
  }
  if (words.some((w) => !h.tiles.includes(w))) return null;
  return { kind: 'order', sequence: words };
}

export const RULES: Rule<ZinHalf>[] = CRITERIA.flatMap((criterion) =>
  COUNT_AT.flatMap((countAt) =>
    RELATION_AT.map((relationAt) => ({
      name: `${criterion.name}, ${countAt}, ${relationAt}`,
      answer: (h: ZinHalf) => sentence(h, criterion, countAt, relationAt),
    })),
  ),
);

export function intendedRule(relation: 'on' | 'next' | null, relationLast: boolean): string {
  const criterion = relation === 'next' ? 'links eerst' : 'boven eerst';
  return `${criterion}, ${COUNT_AT[0]}, ${relationLast ? RELATION_AT[1] : RELATION_AT[0]}`;
}
