import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FamilyId,
  Instructions,
  Item,
  PracticeItem,
  type Scene,
  TestDefinition,
  type Visual,
} from '../../src/shared/items/index';

/** Reads the reference package in items/ the way a reviewer would: every file, parsed with the shared schemas. */
export const PACKAGE = fileURLToPath(new URL('../../items', import.meta.url));

export function listFiles(dir: string): string[] {
  return readdirSync(join(PACKAGE, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(PACKAGE, join(e.parentPath, e.name)))
    .sort();
}

export const readJson = (file: string): unknown => JSON.parse(readFileSync(join(PACKAGE, file), 'utf8'));

export function loadPackage() {
  const definition = TestDefinition.parse(readJson('test-definition.json'));
  const items = listFiles('bank').map((file) => ({ file, item: Item.parse(readJson(file)) }));
  const practice = listFiles('practice').map((file) => ({ file, item: PracticeItem.parse(readJson(file)) }));
  const instructions = listFiles('instructions')
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, value: Instructions.parse(readJson(file)) }));
  return { definition, items, practice, instructions };
}

export function sceneVisuals(scene: Scene): Visual[] {
  const i = scene.interaction;
  const own = i.kind === 'choose' ? i.options : i.kind === 'order' ? i.tiles : [i.token, ...i.targets];
  return [...scene.context, ...own];
}

/** Every picture and sound a package file points at. */
export function referencedFiles(pkg: ReturnType<typeof loadPackage>): {
  images: Set<string>;
  sounds: Set<string>;
} {
  const images = new Set<string>();
  const sounds = new Set<string>();
  const scenes: Scene[] = [
    ...pkg.items.flatMap(({ item }) => [item.voorbeeld, item.opgave]),
    ...pkg.practice.flatMap(({ item }) => (item.voorbeeld ? [item.voorbeeld, item.opgave] : [item.opgave])),
  ];
  for (const scene of scenes) {
    if (scene.prompt) sounds.add(scene.prompt);
    for (const v of sceneVisuals(scene)) {
      images.add(v.image);
      if (v.audio) sounds.add(v.audio);
    }
  }
  for (const { value } of pkg.instructions)
    for (const t of Object.values(value.texts)) if (t.audio) sounds.add(t.audio);
  return { images, sounds };
}

export const FAMILIES = FamilyId.options;
