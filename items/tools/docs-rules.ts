import { type FamilyId, type Item } from '../../src/shared/items/index';
import { strategyBounds } from '../../src/shared/items/bank-rules';
import { strategyLabels, StrategyName } from '../../src/shared/items/strategy-report';
import { strategyScores } from '../../src/shared/items/strategies';

/**
 * The parts of docs/ITEMS.md that say why every opgave has one answer and why no shortcut pays: each family's rule
 * space (the models in items/tools/rules), and the strategy table computed from the items as written.
 */
const SPACES: Record<FamilyId, { space: string; enough: string }> = {
  'woorden-leren': {
    space:
      'the heard word names the picture; or a shortcut over the material: the picture of the first word heard, of the last, or the one picture without a word (4 rules)',
    enough:
      'nothing else in the scene varies. Where an item has only two pairs, both halves ask the same one (first or last), so the recency shortcuts agree with the key; from three pairs on the voorbeeld asks a middle one, which rules them out',
  },
  'zinnen-bouwen': {
    space:
      'which group is named first (top, bottom, left, right, larger, smaller), where a count word goes (after or before its noun) and where the relation word goes (between, last, first): 6 x 2 x 3 = 36 rules',
    enough:
      "these are all the facts a picture of one or two groups gives. The opgave's things are never the voorbeeld's, so no order by kind of object carries over. Where position and group size both fit the voorbeeld, the opgave is built so they agree again (zinnen-bouwen-8 was rebuilt for this)",
  },
  woordvormen: {
    space:
      'per change (two, three, big) one of 159 operations on the word (a syllable added at the end or the front, the word or its first or last syllable repeated, a vowel changed, no change), and with two changes either order: up to 159² x 2 rules',
    enough:
      'the operations cover every way the package changes words and their nearest look-alikes; the evidence is every picture-word pair on screen, and an operation is kept only if it reproduces all of them',
  },
  'klanken-tekens': {
    space:
      "each glyph is its syllable in the order heard; the same written right to left; or the glyphs of the word in the row's order, or reversed (4 rules)",
    enough:
      'the slots run one way, the glyphs have one order on screen and the word one order in time. A two-syllable word always follows the row one way or the other, so both words of such an item follow it the same way; longer voorbeeld words follow neither',
  },
  'regels-zien': {
    space:
      'one of the 8 turns and mirror images, a size change (none, bigger, smaller, swap), a fill change (none, filled, empty, swap), a dot change (none, +1, +2, -1, -2, double) and, for dragging, the direction: 8 x 4 x 4 x 6 x 2 = 1536 rules',
    enough:
      'these are all the ways the figures in the package can differ. Figures are compared as they look (a square turned a quarter is the same square), so a change shown on a symmetric figure leaves turns open unless the voorbeeld pins them on an asymmetric one',
  },
};

/** The families' Dutch names, as docs/ITEMS.md writes them. */
export const FAMILY_NL: Record<FamilyId, string> = {
  'woorden-leren': 'Woorden leren',
  'zinnen-bouwen': 'Zinnen bouwen',
  woordvormen: 'Woordvormen',
  'klanken-tekens': 'Klanken en tekens',
  'regels-zien': 'Regels zien',
};

export function ruleModelsSection(items: readonly Item[]): string {
  const families = [...new Set(items.map((it) => it.family))];
  const rows = families.map((family) => {
    const proofs = items.filter((it) => it.family === family).map((it) => it.proof);
    const model = proofs[0]?.model ?? '-';
    const consistent = proofs.map((p) => p?.consistent.length ?? 0);
    return `| ${FAMILY_NL[family]} (\`${model}\`) | ${SPACES[family].space} | ${SPACES[family].enough} | ${Math.min(...consistent)}-${Math.max(...consistent)} |`;
  });
  const report = strategyScores(items);
  const bounds = strategyBounds(items.length);
  const strategyRows = StrategyName.options.map((name) => {
    const score = report.totals[name] ?? 0;
    const margin = name === 'random' ? '' : (score - (report.totals.random ?? 0)).toFixed(2);
    return `| ${strategyLabels[name]} | ${score.toFixed(2)} | ${margin} |`;
  });
  return `## Every opgave has one answer: the rule models

Each family states the space of rules a candidate could plausibly infer from a voorbeeld (\`items/tools/rules/\`).
For every item the generator enumerates that space, keeps the rules that reproduce what the item shows worked out
(the voorbeeld's demonstrated answer, and any example the opgave shows itself), and refuses the item unless every
kept rule that answers the opgave gives its key. The proof is recorded in the item (\`proof\`: model, rules
considered, the consistent rules with their answers) and \`lbt items verify\` checks it again. Copying where the hand
tapped or what it moved is not a rule of any family: it is a strategy, bounded below.

| family (model) | the rule space | why it is enough | consistent rules per item |
|---|---|---|---|
${rows.join('\n')}

## No shortcut scores: the strategy table

Raw scores over the ${items.length} opgaven of a candidate who answers without learning the rule (exact, or expected
where part of the answer is guessed), as \`lbt items verify\` computes them (\`--json\` for the numbers per item).
The package rules allow random guessing at most ${bounds.random.toFixed(2)} and every other strategy at most
${bounds.margin.toFixed(2)} above it; every choose or place opgave has at least 3 options and every order opgave at
least 6 possible orders. Key positions are planned across the bank: each position gets its fair share, and the key
sits where the voorbeeld's hand tapped about as often as chance would have it (never would make "avoid the hand's
place" a strategy).

| strategy | raw score | above random |
|---|---|---|
${strategyRows.join('\n')}
`;
}
