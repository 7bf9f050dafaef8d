import { execFileSync } from 'node:child_process';

export interface ScreenSize {
  width: number;
  height: number;
}

/** Reads "dimensions:    1920x1080 pixels" from xdpyinfo's report. */
export function parseXdpyinfo(report: string): ScreenSize | null {
  const match = /dimensions:\s+(\d+)x(\d+) pixels/.exec(report);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : null;
}

/**
 * The X screen's size, so the kiosk window can be placed over all of it: without a window manager
 * (a bare X server) Chromium's --kiosk does not fill the screen by itself. Null when unknown; under a
 * compositor such as cage, --kiosk alone is enough.
 */
export function readXScreenSize(display: string | undefined): ScreenSize | null {
  if (!display) return null;
  try {
    // xdpyinfo inherits this process's environment (XAUTHORITY and the rest), with the display it was given.
    return parseXdpyinfo(
      execFileSync('xdpyinfo', ['-display', display], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 5000,
      }),
    );
  } catch {
    return null;
  }
}
