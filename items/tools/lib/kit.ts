import { Item, type Response, type Scene, type Visual } from '../../../src/shared/items/index';
import { prove, type Rule } from '../rules/proof';
import { OBJECTS, type ObjectName } from './objects';
import { objectGroup } from './figures';
import type { Registry } from './registry';
import { wordAudio } from './words';

/** Helpers shared by the family builders. */

export interface BuiltItem {
  item: Item;
  /** Why this item is harder than the one before it in its family (docs/ITEMS.md). */
  harder: string;
}

export function visual(id: string, image: string, description: string, audio?: string): Visual {
  return audio === undefined ? { id, image, description } : { id, image, audio, description };
}

/** One object, optionally paired with the invented word that names it. */
export function objectVisual(reg: Registry, id: string, name: ObjectName, word?: string): Visual {
  const image = reg.svg(`obj-${name}`, objectGroup(name, 1));
  const nl = OBJECTS[name].nl;
  return word === undefined
    ? visual(id, image, nl)
    : visual(id, image, `${nl}, heet "${word}"`, wordAudio(reg, word));
}

/**
 * A fixed, seed-dependent reordering (never the identity), so that tiles and options do not appear in answer order
 * and rerunning the generator gives the same files.
 */
export function shuffle<T>(list: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.length > 1 && out.every((v, i) => v === list[i])) out.push(out.shift()!);
  return out;
}

/** Invented words may mean only one thing in the whole package. */
const lexicon = new Map<string, string>();
export function claimWord(word: string, meaning: string): string {
  const known = lexicon.get(word);
  if (known !== undefined && known !== meaning)
    throw new Error(`"${word}" means both ${known} and ${meaning}`);
  lexicon.set(word, meaning);
  return word;
}

/** What `prove` needs besides the answers: the model, its rules for this item, and the two halves' material. */
export interface ItemModel<H> {
  name: string;
  rules: readonly Rule<H>[];
  considered?: number;
  intended: string;
  voorbeeld: H;
  opgave: H;
}

export function makeItem<H>(spec: {
  id: string;
  family: Item['family'];
  difficulty: number;
  rule: string;
  voorbeeld: Scene;
  answer: Response;
  opgave: Scene;
  key: Response;
  /** The family's rule model over this item's material: the item is built only if it proves one answer. */
  model: ItemModel<H>;
}): Item {
  return Item.parse({
    schema: 'lbt.item/2',
    id: spec.id,
    family: spec.family,
    difficulty: spec.difficulty,
    rule: spec.rule,
    voorbeeld: { ...spec.voorbeeld, answer: spec.answer },
    opgave: spec.opgave,
    key: spec.key,
    proof: prove(spec.id, {
      model: spec.model.name,
      rules: spec.model.rules,
      voorbeeld: spec.model.voorbeeld,
      answer: spec.answer,
      opgave: spec.model.opgave,
      key: spec.key,
      intended: spec.model.intended,
      ...(spec.model.considered === undefined ? {} : { considered: spec.model.considered }),
    }),
  });
}

/** A distractor form: an invented word that means nothing, unless it is already a word of the item. */
export function claimDistractor(word: string): string {
  if (!lexicon.has(word)) lexicon.set(word, 'afleider (geen betekenis)');
  return word;
}

/**
 * Counterbalancing of key positions over the bank: each choose/place scene asks for the position of its answer,
 * and gets the position that is furthest below its fair share so far (a position's share grows by 1/options for
 * every scene that has it), so no position, the first least of all, is favoured. An opgave's key lands where the
 * voorbeeld's hand tapped exactly as often as chance would have it (about 1/options of the time): never would make
 * "avoid where the hand tapped" a strategy that beats guessing, always would make copying one.
 */
export class PositionPlanner {
  private readonly given = new Map<number, number>();
  private readonly fair = new Map<number, number>();
  private coincided = 0;
  private coincideShare = 0;

  /** The position for a scene with `options` options; `hand` is the voorbeeld's position for an opgave. */
  next(options: number, hand?: number): number {
    for (let p = 0; p < options; p++) this.fair.set(p, (this.fair.get(p) ?? 0) + 1 / options);
    let allowed = [...Array(options).keys()];
    if (hand !== undefined && hand < options) {
      this.coincideShare += 1 / options;
      const due = this.coincided + 0.5 <= this.coincideShare;
      allowed = due ? [hand] : allowed.filter((p) => p !== hand);
      if (due) this.coincided++;
    }
    let best = allowed[0]!;
    let bestDebt = -Infinity;
    for (const p of allowed) {
      const debt = (this.fair.get(p) ?? 0) - (this.given.get(p) ?? 0);
      if (debt > bestDebt + 1e-9) [best, bestDebt] = [p, debt];
    }
    this.given.set(best, (this.given.get(best) ?? 0) + 1);
    return best;
  }
}

/** Puts `key` at `position` among `others` (in a seed-dependent order). */
export function arrange<T>(key: T, others: readonly T[], position: number, seed: string): T[] {
  const rest = shuffle(others, seed);
  return [...rest.slice(0, position), key, ...rest.slice(position)];
}

/**
 * Orders the tiles of an order scene so that neither strategy that needs no understanding gives the key: the
 * tiles in their shown order, and the tile positions the hand used in the voorbeeld (`copied`, as indices).
 */
export function arrangeTiles<T extends { id: string }>(
  tiles: readonly T[],
  key: readonly string[],
  seed: string,
  copied: readonly number[] = [],
): T[] {
  for (let attempt = 0; attempt < 200; attempt++) {
    const out = shuffle(tiles, `${seed}#${attempt}`);
    const ids = out.map((t) => t.id);
    const shownOrder = ids.slice(0, key.length).join() === key.join();
    const copiedOrder = copied.length === key.length && copied.map((i) => ids[i]).join() === key.join();
    if (!shownOrder && !copiedOrder) return out;
  }
  throw new Error(`${seed}: no tile order avoids both the shown order and the voorbeeld's positions`);
}

/** Tile indices of an order answer, for `arrangeTiles`'s `copied`. */
export function tileIndices(tiles: readonly { id: string }[], sequence: readonly string[]): number[] {
  return sequence.map((id) => tiles.findIndex((t) => t.id === id));
}
