import type { BrowserWindow } from 'electron';
import { installInputFilter } from './input-filter';

export interface LockdownOptions {
  /** A packaged (or production-flagged) build: devtools are closed the moment anything opens them. */
  production: boolean;
}

/**
 * The kiosk window's lockdown beyond its constructor options: above every other window (also the taskbar
 * and screensaver), hidden from screen capture, escape and browser keys swallowed, pinch and Ctrl+wheel zoom
 * fixed at 100%.
 */
export function lockDownWindow(win: BrowserWindow, options: LockdownOptions): void {
  win.setAlwaysOnTop(true, 'screen-saver');
  win.setContentProtection(true);
  const contents = win.webContents;
  installInputFilter(contents);
  const fixZoom = () => {
    void contents.setVisualZoomLevelLimits(1, 1);
    contents.setZoomFactor(1);
  };
  fixZoom();
  // Chromium resets the limits per page load, and Ctrl+wheel changes the zoom factor without a key event.
  contents.on('did-finish-load', fixZoom);
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  if (options.production) contents.on('devtools-opened', () => contents.closeDevTools());
}
