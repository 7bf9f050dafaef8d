import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The kiosk window. Every security-relevant preference is spelled out, even where it equals Electron's
 * default, so a future default change cannot loosen the lockdown silently.
 */
export function kioskWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    alwaysOnTop: true,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#f4f1ea',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      safeDialogs: true,
      disableDialogs: true,
      autoplayPolicy: 'user-gesture-required',
      // A middle click must not open anything (new windows are denied as well; this is defence in depth).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
