import { Item, type Response, type Scene, type Visual } from '../../../src/shared/items/index';
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

export function makeItem(spec: {
  id: string;
  family: Item['family'];
  difficulty: number;
  rule: string;
  voorbeeld: Scene;
  answer: Response;
  opgave: Scene;
  key: Response;
}): Item {
  return Item.parse({
    schema: 'lbt.item/1',
    id: spec.id,
    family: spec.family,
    difficulty: spec.difficulty,
    rule: spec.rule,
    voorbeeld: { ...spec.voorbeeld, answer: spec.answer },
    opgave: spec.opgave,
    key: spec.key,
  });
}

/** A distractor form: an invented word that means nothing, unless it is already a word of the item. */
export function claimDistractor(word: string): string {
  if (!lexicon.has(word)) lexicon.set(word, 'afleider (geen betekenis)');
  return word;
}
