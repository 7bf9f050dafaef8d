import type { Response } from '../../../src/shared/items/index';
import type { ObjectName } from '../lib/objects';
import { syllables } from '../lib/words';
import { onlyOne, type Rule } from './proof';

/**
 * Woordvormen's rule space. A voorbeeld shows things with their words, and how a word changes when the picture
 * changes (two or three of a thing, a big one). A candidate can take from it, for each change, one operation on
 * the word: a syllable added at the end or at the front (any of the 60 syllables), the whole word, its first or its
 * last syllable repeated, the last, the first or every vowel changed into another, one vowel replaced by another
 * wherever it occurs, or no change at all (159 operations). Where two changes meet in one form, either operation
 * may come first. A rule is one operation per change the item shows or asks for, and an order: the space is their
 * product. Evidence is every picture-word pair on screen and the demonstrated answer; a rule that fits the
 * voorbeeld but not the opgave's own pairs does not count.
 */
export type Size = 'normal' | 'small' | 'big';
export interface FormOf {
  kind: ObjectName;
  count: 1 | 2 | 3;
  size: Size;
}
export interface VormHalf {
  /** Pictures shown with their word. */
  said: ReadonlyArray<{ form: FormOf; word: string }>;
  /** The form asked for and its word. */
  ask: { form: FormOf; word: string };
  /** choose: the option pictures in order (ids given); place: the target words in order (ids given). */
  options:
    | { kind: 'choose'; forms: ReadonlyArray<{ id: string; form: FormOf }> }
    | { kind: 'place'; words: ReadonlyArray<{ id: string; word: string }> };
}

export const MODEL = 'woordvormen/1';

type Op = { name: string; apply(s: string[]): string[] | null };
const VOWELS = ['a', 'e', 'i', 'o', 'u'];
const CONSONANTS = ['p', 't', 'k', 'm', 'n', 'l', 's', 'f', 'd', 'b', 'r', 'v'];
const SYLLABLES = CONSONANTS.flatMap((c) => VOWELS.map((v) => c + v));
const withVowel = (syl: string, v: string) => syl[0]! + v;

export const OPS: Op[] = [
  { name: 'geen verandering', apply: (s) => s },
  ...SYLLABLES.map((x) => ({ name: `-${x} achteraan`, apply: (s: string[]) => [...s, x] })),
  ...SYLLABLES.map((x) => ({ name: `${x}- vooraan`, apply: (s: string[]) => [x, ...s] })),
  { name: 'heel woord herhaald', apply: (s) => [...s, ...s] },
  { name: 'eerste lettergreep herhaald', apply: (s) => [s[0]!, ...s] },
  { name: 'laatste lettergreep herhaald', apply: (s) => [...s, s[s.length - 1]!] },
  ...VOWELS.map((v) => ({
    name: `laatste klinker wordt ${v}`,
    apply: (s: string[]) => [...s.slice(0, -1), withVowel(s[s.length - 1]!, v)],
  })),
  ...VOWELS.map((v) => ({
    name: `eerste klinker wordt ${v}`,
    apply: (s: string[]) => [withVowel(s[0]!, v), ...s.slice(1)],
  })),
  ...VOWELS.map((v) => ({
    name: `elke klinker wordt ${v}`,
    apply: (s: string[]) => s.map((syl) => withVowel(syl, v)),
  })),
  ...VOWELS.flatMap((a) =>
    VOWELS.filter((b) => b !== a).map((b) => ({
      name: `klinker ${a} wordt ${b}`,
      apply: (s: string[]) => {
        if (!s.some((syl) => syl[1] === a)) return null;
        return s.map((syl) => (syl[1] === a ? withVowel(syl, b) : syl));
      },
    })),
  ),
];

type Change = 'twee' | 'drie' | 'groot';
const changesOf = (f: FormOf): Change[] => [
  ...(f.count === 2 ? (['twee'] as const) : f.count === 3 ? (['drie'] as const) : []),
  ...(f.size === 'big' ? (['groot'] as const) : []),
];
const isBase = (f: FormOf) => f.count === 1 && f.size !== 'big';

interface Assignment {
  ops: Partial<Record<Change, Op>>;
  /** With two changes: the count's operation first (true) or the size's. */
  countFirst: boolean;
}

function baseWords(h: VormHalf): Map<ObjectName, string[]> {
  return new Map(h.said.filter((p) => isBase(p.form)).map((p) => [p.form.kind, syllables(p.word)]));
}

function wordFor(a: Assignment, bases: Map<ObjectName, string[]>, form: FormOf): string | null {
  let s: string[] | null = bases.get(form.kind) ?? null;
  if (!s) return null;
  const changes = changesOf(form);
  const ordered = a.countFirst ? changes : [...changes].reverse();
  for (const change of ordered) {
    const op = a.ops[change];
    if (!op || !s) return null;
    s = op.apply(s);
  }
  return s ? s.join('') : null;
}

function answerOf(a: Assignment, h: VormHalf): Response | null {
  const bases = baseWords(h);
  if (h.options.kind === 'choose') {
    const forms = h.options.forms;
    const i = onlyOne(forms, (o) => wordFor(a, bases, o.form) === h.ask.word);
    return i === null ? null : { kind: 'choose', optionId: forms[i]!.id };
  }
  const said = wordFor(a, bases, h.ask.form);
  const words = h.options.words;
  const i = said === null ? null : onlyOne(words, (w) => w.word === said);
  return i === null ? null : { kind: 'place', targetId: words[i]!.id };
}

const fitsSaid = (a: Assignment, h: VormHalf) => {
  const bases = baseWords(h);
  return h.said.every((p) => isBase(p.form) || wordFor(a, bases, p.form) === p.word);
};

/**
 * The rule space of one item: one operation per change that occurs anywhere in it, times the order when two
 * changes meet. Operations that cannot produce a change's shown pairs are dropped per change before the product is
 * formed (they could not be part of any consistent rule); `considered` still counts the full product.
 */
export function rulesFor(
  voorbeeld: VormHalf,
  opgave: VormHalf,
): { rules: Rule<VormHalf>[]; considered: number } {
  const forms = [voorbeeld, opgave].flatMap((h) => [
    ...h.said.map((p) => p.form),
    h.ask.form,
    ...(h.options.kind === 'choose' ? h.options.forms.map((o) => o.form) : []),
  ]);
  const changes = [...new Set(forms.flatMap(changesOf))].sort();
  const combined = forms.some((f) => changesOf(f).length > 1);
  const orders = combined ? [true, false] : [true];
  const candidates = changes.map((change) =>
    OPS.filter((op) =>
      [voorbeeld, opgave].every((h) => {
        const bases = baseWords(h);
        return h.said.every((p) => {
          const cs = changesOf(p.form);
          if (cs.length !== 1 || cs[0] !== change) return true;
          const base = bases.get(p.form.kind);
          return !base || op.apply(base)?.join('') === p.word;
        });
      }),
    ),
  );
  const considered = OPS.length ** changes.length * orders.length;
  const rules: Rule<VormHalf>[] = [];
  const build = (i: number, ops: Partial<Record<Change, Op>>) => {
    if (i === changes.length) {
      for (const countFirst of orders) {
        const a: Assignment = { ops: { ...ops }, countFirst };
        const name =
          changes.map((c) => `${c}: ${ops[c]!.name}`).join('; ') +
          (combined ? (countFirst ? '; aantal eerst' : '; grootte eerst') : '');
        rules.push({ name, answer: (h) => answerOf(a, h), fits: (h) => fitsSaid(a, h) });
      }
      return;
    }
    for (const op of candidates[i]!) build(i + 1, { ...ops, [changes[i]!]: op });
  };
  build(0, {});
  return { rules, considered };
}
