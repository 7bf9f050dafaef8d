/**
 * The Electron shell's main process: one kiosk window, the contract over validated IPC, and nothing
 * else. Services live in src/host; this file only wires Electron to them.
 */
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { createHandlers } from '../../src/host/handlers';
import { createRouter } from '../../src/host/router';
import { readAppVersion } from '../../src/host/services/app-info';
import { KIOSK_URL } from './app-origin';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './app-protocol';
import { hardenApp, hardenSession } from './harden';
import { registerContractHandlers } from './ipc';
import { kioskWindowOptions } from './window-options';

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let kiosk: BrowserWindow | null = null;
  const appRoot = app.getAppPath();

  hardenApp(app);
  app.on('second-instance', () => kiosk?.focus());
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    serveRenderer(protocol, join(appRoot, 'out', 'renderer'));
    const router = createRouter(
      createHandlers({
        version: readAppVersion(join(appRoot, 'package.json')),
        shell: 'electron',
        packageId: () => null,
      }),
      { onInternalError: (channel, error) => console.error(`[main] ${channel} failed:`, error) },
    );
    registerContractHandlers(ipcMain, router, () => kiosk?.webContents ?? null);

    kiosk = new BrowserWindow(kioskWindowOptions(join(__dirname, 'preload.cjs')));
    kiosk.once('ready-to-show', () => kiosk?.show());
    kiosk.on('closed', () => (kiosk = null));
    await kiosk.loadURL(KIOSK_URL);
  });
}
