/**
 * `npm start`: build, start the development results service (scripts/dev-stack.ts: demo data, dashboard user,
 * a development afnemer, the kiosk enrolled), then run the Electron shell when a binary and a display are
 * available, otherwise the Chromium host. Says which shell and why in one line. LBT_DEV_SERVICE=0 leaves the
 * service out (the kiosk then runs unenrolled and keeps its results).
 *
 * `npm start -- --demo` starts either shell in demonstration mode: a sitting on any laptop window, every screen
 * watermarked "demo — geen geldige afname", every result marked demo (and refused by the results service).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildAll } from './build';
import { startDevStack } from './dev-stack';
import { findElectronBinary } from './electron-binary';

const root = resolve(import.meta.dirname, '..');
// chromium-host/main.ts reads the same process.argv, so the flag reaches it unchanged; Electron gets it passed on.
const demo = process.argv.slice(2).includes('--demo');
// Development only: a device check that refuses this laptop offers "Demo starten" (src/host/demo-mode.ts).
if (!process.argv.includes('--demo-offer')) process.argv.push('--demo-offer');
await buildAll();

const electron = findElectronBinary(root);
const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromiumHost = !(electron.path && display);

if (process.env.LBT_DEV_SERVICE === '0') {
  // Unenrolled on purpose: the development gate lets sittings open without an afnemer (the host says so).
  process.env.LBT_AFNEMER_GATE ??= 'when-enrolled';
} else {
  // The Chromium host's data dir is ours to choose; Electron keeps its own (userData): enroll it with
  // `npx lbt kiosk enroll` if wanted.
  if (chromiumHost) process.env.LBT_DATA_DIR ??= join(root, '.lbt-dev', 'kiosk');
  const stack = await startDevStack(root, chromiumHost ? process.env.LBT_DATA_DIR! : null);
  for (const line of stack.lines) console.log(line);
}

if (electron.path && display) {
  console.log(`Starting the Electron shell (${electron.reason}).`);
  const child = spawn(electron.path, [root, ...(demo ? ['--demo'] : []), '--demo-offer'], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = electron.path ? 'an Electron binary exists but there is no display' : electron.reason;
  console.log(`Starting the Chromium host (${why}).`);
  await import('../chromium-host/main');
}
