import type { App, Menu, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** No navigation away from the kiosk page, no new windows, no webviews, no downloads. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Every permission (camera, microphone, notifications, HID, …) is refused; the test needs none. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/**
 * No application menu: Electron's default one brings accelerators the input filter never sees (Ctrl+M
 * minimises, Ctrl+Shift+I opens devtools, Ctrl+W closes). Set before `ready`, so the default is never built.
 */
export function removeApplicationMenu(menu: Pick<typeof Menu, 'setApplicationMenu'>): void {
  menu.setApplicationMenu(null);
}
