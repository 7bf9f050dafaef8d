/**
 * Generates the reference item package in items/ (and docs/ITEMS.md) from the builders in this folder:
 *
 *   npx tsx items/tools/generate.ts      (or: npm run items:generate)
 *
 * Deterministic: every rerun gives byte-identical files (needs Debian's espeak-ng and opus-tools). It replaces
 * test-definition.json, bank/, practice/, assets/, audio/ and instructions/; it leaves tools/, README.md and the
 * manifest alone. Sign afterwards with `node bin/lbt.mjs items sign items`.
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeItemsDoc } from './docs';
import { espeakVersion, synthesise } from './lib/audio';
import { buildPackage } from './lib/package';
import { writeJson, writeText } from './lib/write';

const ITEMS = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(ITEMS, '..');
const GENERATED = ['test-definition.json', 'bank', 'practice', 'assets', 'audio', 'instructions'];

async function main(): Promise<void> {
  const espeak = espeakVersion();
  const { definition, built, practice, instructions, reg } = buildPackage();

  for (const dir of GENERATED) rmSync(join(ITEMS, dir), { recursive: true, force: true });
  writeJson(ITEMS, 'test-definition.json', definition);
  for (const { item } of built) writeJson(ITEMS, `bank/${item.family}/${item.id}.json`, item);
  for (const p of practice) writeJson(ITEMS, `practice/${p.id}.json`, p);
  for (const i of instructions) writeJson(ITEMS, `instructions/${i.language}.json`, i);
  for (const [file, svg] of [...reg.svgs.entries()].sort(([a], [b]) => a.localeCompare(b)))
    writeText(ITEMS, file, svg);
  for (const file of reg.sounds.keys()) writeText(ITEMS, file, ''); // creates the folders
  synthesise(ITEMS, reg.sounds);

  await writeItemsDoc(
    ITEMS,
    join(REPO, 'docs/ITEMS.md'),
    new Map(built.map((b) => [b.item.id, b.harder])),
    espeak,
  );
  console.log(
    `items: ${built.length} items, ${practice.length} practice, ${reg.svgs.size} pictures, ${reg.sounds.size} sounds, ${instructions.length} languages`,
  );
}

await main();
