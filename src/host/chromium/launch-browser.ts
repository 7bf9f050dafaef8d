import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXScreenSize, type ScreenSize } from './screen-size';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.LBT_CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Flags for the kiosk browser. A fresh profile each launch keeps no state between sittings; the network
 * flags stop Chromium phoning home (and failing loudly on a closed network).
 */
export function chromiumKioskArgs(
  launchUrl: string,
  userDataDir: string,
  runningAsRoot: boolean,
  screen: ScreenSize | null = null,
): string[] {
  return [
    '--kiosk',
    `--app=${launchUrl}`,
    `--user-data-dir=${userDataDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,TouchpadOverscrollHistoryNavigation',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-gpu',
    ...(screen ? ['--window-position=0,0', `--window-size=${screen.width},${screen.height}`] : []),
    // Chromium refuses to run as root with its sandbox; only then do we turn it off.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

export function launchKioskBrowser(executable: string, launchUrl: string): ChildProcess {
  const profile = mkdtempSync(join(tmpdir(), 'lbt-kiosk-profile-'));
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return spawn(executable, chromiumKioskArgs(launchUrl, profile, asRoot, readXScreenSize()), {
    stdio: 'ignore',
  });
}
