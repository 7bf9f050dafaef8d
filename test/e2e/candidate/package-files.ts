import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Item, PracticeItem, TestDefinition, type Response } from '../../../src/shared/items';

/**
 * The reference package read straight from items/ (or LBT_ITEMS_DIR, which the host also honours) in the
 * test process: the keys come from here, never from the page.
 */
export const ITEMS_DIR = process.env.LBT_ITEMS_DIR ?? resolve(import.meta.dirname, '../../../items');

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ITEMS_DIR, path), 'utf8'));

export function loadPackageFiles() {
  const definition = TestDefinition.parse(readJson('test-definition.json'));
  const byId = new Map<string, Item>();
  for (const family of readdirSync(join(ITEMS_DIR, 'bank'))) {
    for (const file of readdirSync(join(ITEMS_DIR, 'bank', family))) {
      const item = Item.parse(readJson(join('bank', family, file)));
      byId.set(item.id, item);
    }
  }
  const practiceById = new Map<string, PracticeItem>();
  for (const file of readdirSync(join(ITEMS_DIR, 'practice'))) {
    const item = PracticeItem.parse(readJson(join('practice', file)));
    practiceById.set(item.id, item);
  }
  return {
    definition,
    items: definition.items.map((id) => byId.get(id)!),
    practice: definition.practice.map((id) => practiceById.get(id)!),
  };
}

export type PackageFiles = ReturnType<typeof loadPackageFiles>;

/** A wrong but complete answer for an opgave: another option or target, or the key's tiles shifted. */
export function wrongAnswer(item: { key: Response; opgave: Item['opgave'] }): Response {
  const interaction = item.opgave.interaction;
  const key = item.key;
  if (interaction.kind === 'choose' && key.kind === 'choose') {
    return { kind: 'choose', optionId: interaction.options.find((o) => o.id !== key.optionId)!.id };
  }
  if (interaction.kind === 'place' && key.kind === 'place') {
    return { kind: 'place', targetId: interaction.targets.find((t) => t.id !== key.targetId)!.id };
  }
  if (key.kind === 'order') {
    const rotated = [...key.sequence.slice(1), key.sequence[0]!];
    return { kind: 'order', sequence: rotated };
  }
  throw new Error(`no wrong answer for ${JSON.stringify(key)}`);
}
