/** Builds the home practice app into out/practice: the page and service worker, then the practice content. */
import { resolve } from 'node:path';
import { build } from 'vite';
import { loadPackage } from '../src/host/items/loader';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../src/host/items/trust';
import { writePracticeContent } from './practice-content';

const ROOT = resolve(import.meta.dirname, '..');
export const PRACTICE_OUT = resolve(ROOT, 'out', 'practice');

export async function buildPractice(itemsDir = process.env.LBT_ITEMS_DIR ?? resolve(ROOT, 'items')) {
  await build({ configFile: resolve(ROOT, 'vite.practice.config.ts'), logLevel: 'warn' });
  // The same checks as the kiosk's: a package that fails them never reaches a phone.
  const loaded = loadPackage(itemsDir, readTrustPolicy(defaultTrustedPublishersFile, true));
  if (!loaded.ok) {
    const problems = loaded.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n');
    throw new Error(`The item package did not load, so the practice app has no content:\n${problems}`);
  }
  return writePracticeContent(loaded.package, PRACTICE_OUT);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const list of await buildPractice()) {
    console.log(`${list.language}: ${list.files.length} files, ${(list.bytes / 1024 / 1024).toFixed(2)} MB`);
  }
}
