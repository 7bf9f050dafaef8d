/**
 * Generates the reference item package in items/ (and docs/ITEMS.md) from the builders in this folder:
 *
 *   npx tsx items/tools/generate.ts      (or: npm run items:generate)
 *
 * Deterministic: every rerun gives byte-identical files (needs Debian's espeak-ng and opus-tools). It replaces
 * test-definition.json, bank/, practice/, assets/, audio/ and instructions/; it leaves tools/, README.md and the
 * manifest alone. Sign afterwards with `node bin/lbt.mjs items sign items`.
 *
 * `--missing-audio` keeps the sound files already there and synthesises only the ones the package lacks (a new
 * instruction text or language), a minute instead of a quarter of an hour. A text whose wording changed keeps its
 * old speech that way, so changed texts need the full run. Sound files no text or item names any more are removed
 * in both modes, so the package never carries an unreferenced file.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeItemsDoc } from './docs';
import { espeakVersion, synthesise } from './lib/audio';
import { buildPackage } from './lib/package';
import { writeJson, writeText } from './lib/write';

const ITEMS = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(ITEMS, '..');
const GENERATED = ['test-definition.json', 'bank', 'practice', 'assets', 'audio', 'instructions'];
/** The folders holding speech, kept (but for files nothing names) by `--missing-audio`. */
const SPEECH = ['audio', 'instructions'];

/**
 * The generator labels every instruction sound synthetic; a recording kept by `--missing-audio` would then carry
 * the wrong provenance. Refuses rather than mislabel: run in full and import the recordings again.
 */
function refuseRecordings(): void {
  const dir = join(ITEMS, 'instructions');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (text.includes('"recorded"'))
      throw new Error(
        `instructions/${name} holds recorded speech: --missing-audio would relabel it synthetic; run without it and import the recordings again`,
      );
  }
}

/** Removes every file under the speech folders that `keep` does not name (instruction JSON is rewritten anyway). */
function removeUnnamed(keep: ReadonlySet<string>): void {
  for (const dir of SPEECH) {
    if (!existsSync(join(ITEMS, dir))) continue;
    for (const entry of readdirSync(join(ITEMS, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = relative(ITEMS, join(entry.parentPath, entry.name)).split('\\').join('/');
      if (!keep.has(file)) rmSync(join(ITEMS, file));
    }
  }
}

async function main(): Promise<void> {
  const onlyMissing = process.argv.includes('--missing-audio');
  if (onlyMissing) refuseRecordings();
  const espeak = espeakVersion();
  const { definition, built, practice, instructions, reg } = buildPackage();

  for (const dir of GENERATED) {
    if (!(onlyMissing && SPEECH.includes(dir))) rmSync(join(ITEMS, dir), { recursive: true, force: true });
  }
  if (onlyMissing) removeUnnamed(new Set(reg.sounds.keys()));
  writeJson(ITEMS, 'test-definition.json', definition);
  for (const { item } of built) writeJson(ITEMS, `bank/${item.family}/${item.id}.json`, item);
  for (const p of practice) writeJson(ITEMS, `practice/${p.id}.json`, p);
  for (const i of instructions) writeJson(ITEMS, `instructions/${i.language}.json`, i);
  for (const [file, svg] of [...reg.svgs.entries()].sort(([a], [b]) => a.localeCompare(b)))
    writeText(ITEMS, file, svg);
  const jobs = new Map([...reg.sounds].filter(([file]) => !(onlyMissing && existsSync(join(ITEMS, file)))));
  for (const file of jobs.keys()) writeText(ITEMS, file, ''); // creates the folders
  synthesise(ITEMS, jobs);

  await writeItemsDoc(
    ITEMS,
    join(REPO, 'docs/ITEMS.md'),
    new Map(built.map((b) => [b.item.id, b.harder])),
    espeak,
  );
  console.log(
    `items: ${built.length} items, ${practice.length} practice, ${reg.svgs.size} pictures, ${reg.sounds.size} sounds (${jobs.size} synthesised), ${instructions.length} languages`,
  );
}

await main();
