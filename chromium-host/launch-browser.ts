import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HostConfig } from '../src/shared/config/host';
import { readXScreenSize, type ScreenSize } from './screen-size';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

/** `configured` (LBT_CHROMIUM_PATH) when set, else the first browser found in the usual places. */
export function findChromium(configured: string | undefined): string | null {
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export function hasDisplay(env: Pick<HostConfig, 'DISPLAY' | 'WAYLAND_DISPLAY'>): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Hands the launch token to the kiosk browser without putting it on a command line (which every local user can
 * read through `ps`): a page in the browser's own profile directory (mkdtemp, so 0700) written 0600, which
 * forwards to the kiosk page with the token in the fragment. Chromium is given only this file's path; other
 * users cannot open it. The fragment never reaches a server, and the page drops it from the address bar.
 */
export function writeLaunchPage(profileDir: string, launchUrl: string): string {
  const file = join(profileDir, 'lbt-launch.html');
  const target = JSON.stringify(launchUrl).replace(/</g, '\\u003c');
  const html =
    '<!doctype html><meta charset="utf-8"><title>LBT Kiosk</title>' +
    `<script>location.replace(${target});</script>`;
  writeFileSync(file, html, { mode: 0o600, flag: 'wx' });
  return file;
}

/**
 * Flags for the kiosk browser. `appUrl` is the launch page (writeLaunchPage), never a URL with the token. A fresh profile each launch keeps no state between sittings; the network
 * flags stop Chromium phoning home (and failing loudly on a closed network).
 */
export function chromiumKioskArgs(
  appUrl: string,
  userDataDir: string,
  runningAsRoot: boolean,
  screen: ScreenSize | null = null,
): string[] {
  return [
    '--kiosk',
    `--app=${appUrl}`,
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
    // window.open and pop-ups fail: the page has no second window to escape to (the page denies it too).
    '--block-new-web-contents',
    ...(screen ? ['--window-position=0,0', `--window-size=${screen.width},${screen.height}`] : []),
    // Chromium refuses to run as root with its sandbox; only then do we turn it off.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

/** `display` is the X display (DISPLAY), to size the window over the whole screen; unset under Wayland. */
export function launchKioskBrowser(executable: string, launchUrl: string, display?: string): ChildProcess {
  const profile = mkdtempSync(join(tmpdir(), 'lbt-kiosk-profile-'));
  const launchPage = pathToFileURL(writeLaunchPage(profile, launchUrl)).href;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const child = spawn(executable, chromiumKioskArgs(launchPage, profile, asRoot, readXScreenSize(display)), {
    stdio: 'ignore',
  });
  // The profile (the launch page with the token among it) is this launch's only; it goes with the browser.
  child.on('exit', () => rmSync(profile, { recursive: true, force: true }));
  return child;
}
