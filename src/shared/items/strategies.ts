/**
 * What answering strategies that ignore the rule would score on a bank's opgaven: the numbers behind "no shortcut
 * scores" (docs/ITEMS.md). Each item scores 0 or 1; where a strategy fixes only part of an answer (or nothing),
 * the candidate guesses the rest uniformly, so the item contributes that guess's chance of being right.
 * Pure: the package rules, `lbt items verify` and the item generator share it.
 */
import type { Item, Scene, Visual } from './item';
import type { Response } from './response';
import {
  StrategyName,
  type ItemStrategyScores,
  type KeyPositions,
  type StrategyReport,
  type StrategyScores,
} from './strategy-report';

/** The number of ways to fill `slots` slots from `tiles` tiles, order mattering: tiles!/(tiles-slots)!. */
export function orderCount(tiles: number, slots: number): number {
  if (slots > tiles) return 0;
  let count = 1;
  for (let k = 0; k < slots; k++) count *= tiles - k;
  return count;
}

/** Every strategy's total over the bank, each item's contributions, and where the choose/place keys sit. */
export function strategyScores(items: readonly Item[]): StrategyReport {
  const perItem = items.map(itemStrategyScores);
  const totals = scoresOf(() => 0);
  for (const item of perItem) for (const name of StrategyName.options) totals[name] += item.scores[name];
  return { itemCount: items.length, items: perItem, totals, keyPositions: keyPositions(items) };
}

/** One opgave's chance of being answered correctly under each strategy. */
export function itemStrategyScores(item: Item): ItemStrategyScores {
  const interaction = item.opgave.interaction;
  const choices = choicesOf(item.opgave);
  return {
    id: item.id,
    family: item.family,
    kind: interaction.kind,
    keyPosition: choices ? keyIndex(choices, item.key) : null,
    scores:
      interaction.kind === 'order'
        ? orderScores(item, interaction.tiles, interaction.slots)
        : choiceScores(item, choices!),
  };
}

function scoresOf(score: (name: StrategyName) => number): StrategyScores {
  return Object.fromEntries(StrategyName.options.map((name) => [name, score(name)])) as StrategyScores;
}

/** The pictures a choose or place interaction offers (options or targets, in display order); null for order. */
function choicesOf(scene: Scene): readonly Visual[] | null {
  const interaction = scene.interaction;
  if (interaction.kind === 'choose') return interaction.options;
  if (interaction.kind === 'place') return interaction.targets;
  return null;
}

function keyIndex(choices: readonly Visual[], key: Response): number | null {
  const id = key.kind === 'choose' ? key.optionId : key.kind === 'place' ? key.targetId : null;
  const index = choices.findIndex((choice) => choice.id === id);
  return index < 0 ? null : index;
}

/** Choose/place: each strategy narrows the choices to a set it picks from uniformly (none left: guess all). */
function choiceScores(item: Item, choices: readonly Visual[]): StrategyScores {
  const opgave = item.opgave;
  const key = item.key.kind === opgave.interaction.kind ? keyIndex(choices, item.key) : null;
  const all = choices.map((_, index) => index);
  const withImage = (images: ReadonlySet<string>) => all.filter((index) => images.has(choices[index]!.image));
  const vbChoices = choicesOf(item.voorbeeld);
  const shown = vbChoices ? keyIndex(vbChoices, item.voorbeeld.answer) : null;
  const lastContext = opgave.context[opgave.context.length - 1];
  const unchanged = opgave.interaction.kind === 'place' ? opgave.interaction.token.image : lastContext?.image;
  const picks: Record<StrategyName, number[]> = {
    random: all,
    'copy-position': shown !== null && shown < choices.length ? [shown] : [],
    'copy-picture': shown !== null ? withImage(new Set([vbChoices![shown]!.image])) : [],
    first: [0],
    'context-picture': withImage(new Set(opgave.context.map((visual) => visual.image))),
    'unchanged-figure': unchanged ? withImage(new Set([unchanged])) : [],
  };
  return scoresOf((name) => {
    const pick = picks[name].length > 0 ? picks[name] : all;
    return key === null ? 0 : pick.filter((index) => index === key).length / pick.length;
  });
}

/** Order: each strategy fixes some slots (a tile id, or null to guess); the rest are guessed from what is left. */
function orderScores(item: Item, tiles: readonly Visual[], slots: number): StrategyScores {
  const none = (): (string | null)[] => Array.from({ length: slots }, () => null);
  const shown = item.voorbeeld.answer.kind === 'order' ? item.voorbeeld.answer.sequence : [];
  const vb = item.voorbeeld.interaction;
  const vbTiles = vb.kind === 'order' ? vb.tiles : [];
  const copy = (match: (vbIndex: number, free: (tile: Visual) => boolean) => Visual | undefined) => {
    const fixed = none();
    for (let slot = 0; slot < Math.min(slots, shown.length); slot++) {
      const vbIndex = vbTiles.findIndex((tile) => tile.id === shown[slot]);
      const tile = vbIndex < 0 ? undefined : match(vbIndex, (t) => !fixed.includes(t.id));
      if (tile) fixed[slot] = tile.id;
    }
    return fixed;
  };
  const fills: Record<StrategyName, (string | null)[]> = {
    random: none(),
    'copy-position': copy((vbIndex, free) => {
      const tile = tiles[vbIndex];
      return tile && free(tile) ? tile : undefined;
    }),
    'copy-picture': copy((vbIndex, free) =>
      tiles.find((t) => t.image === vbTiles[vbIndex]!.image && free(t)),
    ),
    first: none().map((_, slot) => tiles[slot]?.id ?? null),
    'context-picture': none(),
    'unchanged-figure': none(),
  };
  const key = item.key.kind === 'order' ? item.key.sequence : null;
  const ids = tiles.map((tile) => tile.id);
  return scoresOf((name) => (key ? orderChance(ids, fills[name], key) : 0));
}

/**
 * The chance that `fixed` (null = a slot left to guess) completed uniformly from the unused tiles equals `key`:
 * 0 if a fixed tile is wrong, else 1 / (ways to fill the open slots from the unused tiles).
 */
export function orderChance(
  tileIds: readonly string[],
  fixed: readonly (string | null)[],
  key: readonly (string | null)[],
): number {
  if (key.length !== fixed.length) return 0;
  const unused = new Set(tileIds.filter((id) => !fixed.includes(id)));
  // A key that repeats a tile or leaves a slot empty cannot be answered (isCorrect needs every slot, once each).
  if (new Set(key).size !== key.length || key.includes(null)) return 0;
  let open = 0;
  for (const [slot, tile] of fixed.entries()) {
    const wanted = key[slot]!;
    if (tile !== null) {
      if (tile !== wanted) return 0;
    } else {
      if (!unused.has(wanted)) return 0;
      open++;
    }
  }
  return 1 / orderCount(unused.size, open);
}

function keyPositions(items: readonly Item[]): KeyPositions {
  const counts: number[] = [];
  const expected: number[] = [];
  for (const item of items) {
    const choices = choicesOf(item.opgave);
    if (!choices) continue;
    choices.forEach((_, position) => {
      expected[position] = (expected[position] ?? 0) + 1 / choices.length;
      counts[position] ??= 0;
    });
    const key = keyIndex(choices, item.key);
    if (key !== null) counts[key]! += 1;
  }
  return { counts, expected };
}
