import { bankRulesApply, maxKeysAt, strategyBounds } from '../../shared/items/bank-rules';
import type { Item } from '../../shared/items/item';
import { strategyScores } from '../../shared/items/strategies';
import { strategyLabels, StrategyName } from '../../shared/items/strategy-report';
import type { ItemsVerifyReport } from '../../shared/items/verify-report';

/** The bank's strategy numbers as `lbt items verify` reports them (the JSON's fields beyond the package's identity). */
export type StrategyFigures = Pick<
  Extract<ItemsVerifyReport, { ok: true }>,
  'itemCount' | 'bankRulesApply' | 'bounds' | 'strategies' | 'items' | 'keyPositions'
>;

export function strategyFigures(items: readonly Item[]): StrategyFigures {
  const report = strategyScores(items);
  const random = report.totals.random;
  return {
    itemCount: report.itemCount,
    bankRulesApply: bankRulesApply(items),
    bounds: strategyBounds(report.itemCount),
    strategies: StrategyName.options.map((name) => ({
      name,
      label: strategyLabels[name],
      score: report.totals[name],
      marginAboveRandom: report.totals[name] - random,
    })),
    items: report.items,
    keyPositions: { ...report.keyPositions, allowed: report.keyPositions.expected.map(maxKeysAt) },
  };
}

/** The table printed after the package summary: one row per strategy, then the key positions. */
export function formatStrategyTable(figures: StrategyFigures): string {
  const { bounds, itemCount } = figures;
  const rules = figures.bankRulesApply
    ? `bank rules: random <= ${bounds.random.toFixed(2)}, every other strategy <= random + ${bounds.margin.toFixed(2)}`
    : 'bank rules: not applied (a legacy bank, all lbt.item/1)';
  const rows = figures.strategies.map(({ name, label, score, marginAboveRandom }) => {
    const margin = name === 'random' ? '' : signed(marginAboveRandom);
    return `    ${label.padEnd(30)} ${score.toFixed(2).padStart(6)}  ${margin}`.trimEnd();
  });
  const { counts, expected, allowed } = figures.keyPositions;
  const row = (label: string, values: number[], digits: number) =>
    `    ${label.padEnd(30)} ${values.map((value) => value.toFixed(digits).padStart(6)).join('')}`;
  return [
    `  strategies (raw score over ${itemCount} opgaven, margin above random guessing):`,
    ...rows,
    row(
      'key positions (choose/place)',
      counts.map((_, i) => i + 1),
      0,
    ),
    row('  keys there', counts, 0),
    row('  expected by chance', expected, 2),
    row('  at most', allowed, 2),
    `  ${rules}`,
  ].join('\n');
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
}
