/**
 * `npm start`: build, then run the Electron shell when a binary and a display are available, otherwise
 * the Chromium host. Says which shell and why in one line.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { buildAll } from './build';
import { findElectronBinary } from './electron-binary';

const root = resolve(import.meta.dirname, '..');
await buildAll();

const electron = findElectronBinary(root);
const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (electron.path && display) {
  console.log(`Starting the Electron shell (${electron.reason}).`);
  const child = spawn(electron.path, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = electron.path ? 'an Electron binary exists but there is no display' : electron.reason;
  console.log(`Starting the Chromium host (${why}).`);
  await import('../src/host/chromium/main');
}
