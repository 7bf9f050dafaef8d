import type { Response } from '../../../src/shared/items/index';
import type { Rule } from './proof';

/**
 * Klanken en tekens' rule space. A voorbeeld shows glyphs with their syllables in a row, plays a word and puts the
 * glyphs in the slots. A candidate can take from it: each glyph stands for its syllable and they go in the order
 * heard (the rule); the same, but written from right to left (as in the Arabic or Farsi script many candidates
 * read); or an order taken from the row of glyphs shown (the row's order, or the row's order reversed) rather than
 * from the word. These four are the space: the slots run one way, the glyphs have one order on screen, and the
 * word has one order in time.
 */
export interface TekensHalf {
  /** The syllables in the order their glyphs are shown in the context row. */
  taught: readonly string[];
  /** The heard word, as syllables. */
  word: readonly string[];
}

export const MODEL = 'klanken-tekens/1';
export const INTENDED = 'elk teken een klank, in de volgorde van horen';
export const glyphTile = (syllable: string) => `teken-${syllable}`;

const spell = (syllables: readonly string[]): Response => ({
  kind: 'order',
  sequence: syllables.map(glyphTile),
});
const byRow = (h: TekensHalf) => [...h.word].sort((a, b) => h.taught.indexOf(a) - h.taught.indexOf(b));

export const RULES: Rule<TekensHalf>[] = [
  { name: INTENDED, answer: (h) => spell(h.word) },
  { name: 'elk teken een klank, van rechts naar links', answer: (h) => spell([...h.word].reverse()) },
  { name: 'de tekens van het woord in de volgorde van de rij', answer: (h) => spell(byRow(h)) },
  {
    name: 'de tekens van het woord in omgekeerde volgorde van de rij',
    answer: (h) => spell(byRow(h).reverse()),
  },
];
