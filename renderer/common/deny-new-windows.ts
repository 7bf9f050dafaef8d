/**
 * The kiosk page never opens another window. Electron denies it in the main process (setWindowOpenHandler);
 * the Chromium host cannot, so the page takes `window.open` away itself before anything else runs, and the
 * host also starts Chromium with --block-new-web-contents. A window would be a way out of the sitting.
 */
export function denyNewWindows(win: Window = window): void {
  Object.defineProperty(win, 'open', {
    value: () => null,
    writable: false,
    configurable: false,
  });
}
