/**
 * Rules for the scored bank as a test, beyond each file's validity: every opgave has one provable answer, enough
 * choices, and no shortcut (copying the hand, the first option, a picture already shown) beats guessing.
 *
 * Which packages: these rules apply as soon as any scored item is `lbt.item/2`. A package whose items are all
 * `lbt.item/1` is the legacy 1.0.0 reference package, kept loadable so its results still re-score; it has no proof
 * and was not built to these rules, so none of them apply to it. A mix of /1 and /2 is refused: a new package is
 * all /2, and a half-converted one would escape the proof rule item by item.
 *
 * The bank bounds are stated for the 40-item test and scale with the item count n, at the same rate per item:
 * guessing scores at most 8·n/40, and every other strategy at most guessing + n/40. A smaller package (a pilot,
 * a test fixture) is therefore held to the same standard per opgave, not given a fixed extra point.
 */
import { isCorrect } from '../scoring/correctness';
import type { Item, Scene, Visual } from './item';
import type { PackageFiles, Parsed } from './package-rules';
import type { PackageProblem } from './problem';
import { orderCount, strategyScores } from './strategies';
import { strategyLabels, StrategyName, type StrategyReport } from './strategy-report';

/** Guessing may score at most this share of the items (8 of 40). */
export const MAX_RANDOM_SHARE = 8 / 40;
/** Any other strategy may beat guessing by at most this share of the items (1 of 40). */
export const MAX_STRATEGY_MARGIN_SHARE = 1 / 40;
export const MIN_CHOICES = 3;
export const MIN_ORDERS = 6;

/** Float sums of 1/k fractions: a bound met exactly must not fail on rounding. */
const EPSILON = 1e-9;

/** The raw-score bounds for a bank of `itemCount` scored items (see the file comment). */
export function strategyBounds(itemCount: number): { random: number; margin: number } {
  return { random: MAX_RANDOM_SHARE * itemCount, margin: MAX_STRATEGY_MARGIN_SHARE * itemCount };
}

/**
 * Counterbalancing: a position may hold the key at most `expected + max(2, 40% of expected)` times, expected being
 * what placing keys at random would give. The floor of 2 keeps small counts from failing on chance alone.
 */
export function maxKeysAt(expected: number): number {
  return expected + Math.max(2, 0.4 * expected);
}

/** Whether a bank is held to these rules: any lbt.item/2 item (an all-/1 bank is the legacy package). */
export function bankRulesApply(items: readonly Item[]): boolean {
  return items.some((item) => item.schema === 'lbt.item/2');
}

export function checkBankRules(files: PackageFiles): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const items = files.items;
  if (!bankRulesApply(items.map(({ value }) => value))) return problems;
  for (const { file, value } of items) {
    if (value.schema === 'lbt.item/1') {
      problems.push({
        file,
        path: '$.schema',
        message: `item "${value.id}" is lbt.item/1 in a package of lbt.item/2 items; a package is all one or the other`,
      });
      continue;
    }
    problems.push(...checkProof(file, value), ...checkChoices(file, value));
  }
  const report = strategyScores(items.map(({ value }) => value));
  problems.push(
    ...checkStrategies(files, report),
    ...checkKeyPositions(files, report),
    ...checkPracticeDisjoint(files),
  );
  return problems;
}

/** The generator's proof: some rule fitting the voorbeeld gives the key, and none gives another answer. */
function checkProof(file: string, item: Item): PackageProblem[] {
  const at = (path: string, message: string) => ({ file, path, message: `item "${item.id}": ${message}` });
  if (!item.proof)
    return [at('$.proof', 'lbt.item/2 requires a proof (the rules consistent with the voorbeeld)')];
  const consistent = item.proof.consistent;
  if (consistent.length === 0)
    return [at('$.proof.consistent', 'no rule reproduces the voorbeeld, so nothing proves the key')];
  const problems = consistent.flatMap(({ rule, answer }, index) =>
    answer !== null && !isCorrect(answer, item.key)
      ? [
          at(
            `$.proof.consistent[${index}].answer`,
            `rule "${rule}" also fits the voorbeeld but answers ${describe(answer)}, not the key ${describe(item.key)}: the opgave is ambiguous`,
          ),
        ]
      : [],
  );
  if (!consistent.some(({ answer }) => answer !== null && isCorrect(answer, item.key)))
    problems.push(at('$.proof.consistent', 'no consistent rule gives the key'));
  return problems;
}

function describe(answer: Item['key']): string {
  if (answer.kind === 'choose') return `option "${answer.optionId}"`;
  if (answer.kind === 'place') return `target "${answer.targetId}"`;
  return `[${answer.sequence.join(', ')}]`;
}

/** Too few choices and guessing alone scores too often for the item to measure anything. */
function checkChoices(file: string, item: Item): PackageProblem[] {
  const interaction = item.opgave.interaction;
  const at = (path: string, message: string) => [{ file, path, message: `item "${item.id}": ${message}` }];
  if (interaction.kind === 'choose' && interaction.options.length < MIN_CHOICES)
    return at(
      '$.opgave.interaction.options',
      `${interaction.options.length} options; an opgave needs at least ${MIN_CHOICES}`,
    );
  if (interaction.kind === 'place' && interaction.targets.length < MIN_CHOICES)
    return at(
      '$.opgave.interaction.targets',
      `${interaction.targets.length} targets; an opgave needs at least ${MIN_CHOICES}`,
    );
  if (interaction.kind === 'order') {
    const orders = orderCount(interaction.tiles.length, interaction.slots);
    if (orders < MIN_ORDERS)
      return at(
        '$.opgave.interaction',
        `${interaction.tiles.length} tiles in ${interaction.slots} slots allow ${orders} orders; an opgave needs at least ${MIN_ORDERS}`,
      );
  }
  return [];
}

function checkStrategies(files: PackageFiles, report: StrategyReport): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const n = report.itemCount;
  const bounds = strategyBounds(n);
  const random = report.totals.random;
  if (random > bounds.random + EPSILON) {
    const likeliest = report.items
      .filter((item) => item.scores.random > MAX_RANDOM_SHARE + EPSILON)
      .sort((a, b) => b.scores.random - a.scores.random)
      .map((item) => `${item.id} (${fmt(item.scores.random)})`);
    problems.push({
      file: files.definition.file,
      path: '$.items',
      message: `random guessing scores ${fmt(random)} of ${n} items, more than ${fmt(bounds.random)} (8 per 40); items guessed right most often: ${likeliest.join(', ')}`,
    });
  }
  const fileOf = new Map(files.items.map(({ file, value }) => [value.id, file]));
  for (const name of StrategyName.options) {
    const total = report.totals[name];
    if (name === 'random' || total <= random + bounds.margin + EPSILON) continue;
    for (const item of report.items) {
      if (item.scores[name] <= item.scores.random + EPSILON) continue;
      problems.push({
        file: fileOf.get(item.id) ?? files.definition.file,
        path: '$.key',
        message: `item "${item.id}": "${strategyLabels[name]}" answers it right with chance ${fmt(item.scores[name])} (guessing: ${fmt(item.scores.random)}); over the bank it scores ${fmt(total)}, more than guessing (${fmt(random)}) + ${fmt(bounds.margin)} allows`,
      });
    }
  }
  return problems;
}

function checkKeyPositions(files: PackageFiles, report: StrategyReport): PackageProblem[] {
  const { counts, expected } = report.keyPositions;
  return counts.flatMap((count, position) => {
    const allowed = maxKeysAt(expected[position] ?? 0);
    if (count <= allowed + EPSILON) return [];
    const ids = report.items.filter((item) => item.keyPosition === position).map((item) => item.id);
    return [
      {
        file: files.definition.file,
        path: '$.items',
        message: `the key is at position ${position + 1} in ${count} choose/place opgaven, expected ${fmt(expected[position] ?? 0)} by chance, at most ${fmt(allowed)} allowed: ${ids.join(', ')}`,
      },
    ];
  });
}

/** Practice must not rehearse a scored opgave: the same pictures to choose, order or place would be a preview. */
function checkPracticeDisjoint(files: PackageFiles): PackageProblem[] {
  const scored = new Map<string, Parsed<Item>>();
  for (const parsed of files.items) scored.set(pictureSet(parsed.value.opgave), parsed);
  return files.practice.flatMap(({ file, value }) => {
    const same = scored.get(pictureSet(value.opgave));
    if (!same) return [];
    return [
      {
        file,
        path: '$.opgave.interaction',
        message: `practice item "${value.id}" shows the same pictures as scored opgave "${same.value.id}" (${same.file}); practice must use other material`,
      },
    ];
  });
}

/** The multiset of images in a scene's interaction, as one comparable string. */
function pictureSet(scene: Scene): string {
  const interaction = scene.interaction;
  const visuals: Visual[] =
    interaction.kind === 'choose'
      ? interaction.options
      : interaction.kind === 'order'
        ? interaction.tiles
        : [interaction.token, ...interaction.targets];
  return JSON.stringify(visuals.map((visual) => visual.image).sort());
}

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}
