/** Builds the renderer pages and the Electron main + preload into out/. */
import { build } from 'vite';
import { buildPractice } from './build-practice';

export async function buildAll(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  // After the kiosk build, which empties out/renderer: the review page lands in out/renderer/review.
  await build({ configFile: 'vite.review.config.ts', logLevel: 'warn' });
  await buildPractice();
  for (const mode of ['main', 'preload']) {
    await build({ configFile: 'vite.electron.config.ts', mode, logLevel: 'warn' });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log('Built out/renderer, out/practice and out/electron.');
}
