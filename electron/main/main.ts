/**
 * The Electron shell's main process: one kiosk window, the contract over validated IPC, and nothing
 * else. Services live in src/host; this file only wires Electron to them.
 */
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
} from 'electron';
import { join } from 'node:path';
import { composeHost, type ComposedHost } from '../../src/host/compose-host';
import { createLockdownSeam } from '../../src/host/device';
import { PackageStore } from '../../src/host/items/package-store';
import { FileKeyProvider } from '../../src/host/keys/file-key-provider';
import { createSafeStorageKeyProvider } from './safe-storage-key-provider';
import { readAppVersion } from '../../src/host/services/app-info';
import { KIOSK_URL } from './app-origin';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './app-protocol';
import { readBuildFlags } from './build-flags';
import { hardenApp, hardenSession, removeApplicationMenu } from './harden';
import { registerContractHandlers } from './ipc';
import { lockDownWindow } from './lockdown';
import { displaysFromScreen } from './screen-facts';
import { createSessionGuard } from './session-guard';
import { kioskWindowOptions } from './window-options';
import { readHostConfig } from '../../src/shared/config';

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let kiosk: BrowserWindow | null = null;
  const appRoot = app.getAppPath();
  const flags = readBuildFlags(join(appRoot, 'package.json'), app.isPackaged);
  const version = readAppVersion(join(appRoot, 'package.json'));
  /** The session service subscribes here (pause + call the afnemer) and starts/ends the guard; see lockdown-seam.ts. */
  const lockdown = createLockdownSeam();

  hardenApp(app);
  removeApplicationMenu(Menu);
  app.on('second-instance', () => kiosk?.focus());
  app.on('window-all-closed', () => app.quit());
  // Quitting waits once for the host to stop its outbox round and roster refresh and let go of the journal;
  // then quits for real (`composed` is null by then, so this handler lets it through).
  let composed: ComposedHost | null = null;
  app.on('will-quit', (event) => {
    if (!composed) return;
    const closing = composed;
    composed = null;
    event.preventDefault();
    void closing
      .close()
      .catch((error: unknown) => console.error('[main] host shutdown failed:', error))
      .finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    // Development publisher keys only in development builds (never when packaged); see build-flags.ts.
    const packages = PackageStore.open({
      dir: join(appRoot, 'items'),
      trustFile: join(appRoot, 'items', 'tools', 'trusted-publishers.json'),
      allowDevelopmentKeys: flags.devPublisherKeys,
    });
    serveRenderer(protocol, join(appRoot, 'out', 'renderer'), (path) => packages.file(path));
    // Durable sittings in userData, their keys sealed by the OS keystore where it has a real one.
    const dataDir = app.getPath('userData');
    const keystore = createSafeStorageKeyProvider(safeStorage);
    if (!keystore.ok)
      console.warn(`[main] Keys are kept in a 0600 key file instead of the OS keystore: ${keystore.reason}.`);
    // The host's environment, read once here (src/shared/config/host.ts); an unknown value stops the start.
    const config = readHostConfig(process.env);
    // `--demo` (npm start -- --demo): a demonstration on any window, watermarked, results marked demo. Never in a
    // production build, where a sitting must be a real one.
    const demo = process.argv.includes('--demo') && !flags.production;
    if (process.argv.includes('--demo') && flags.production)
      console.warn('[main] --demo is ignored in a production build.');
    // `--demo-offer` (npm start): the blocked device check offers "Demo starten". Never in a production build.
    const demoOffered = process.argv.includes('--demo-offer') && !flags.production;
    composed = await composeHost({
      shell: 'electron',
      version,
      packages,
      dataDir,
      provider: keystore.ok ? keystore.provider : await FileKeyProvider.open(dataDir),
      shellDisplays: () => displaysFromScreen(screen),
      demo,
      demoOffered,
      // Every lockdown incident (focus lost, display changed) pauses the sitting until the afnemer's PIN.
      lockdown,
      // A production kiosk never runs a sitting without a logged-in afnemer, enrolled or not.
      afnemerGate: flags.production ? 'always' : config.LBT_AFNEMER_GATE,
      afnemerIdleMinutes: config.LBT_AFNEMER_IDLE_MINUTES,
      env: config,
      log: (message, error) => console.error(`[main] ${message}`, error ?? ''),
    });
    const { router, device, startupLines } = composed;
    for (const line of startupLines) console.log(`[main] ${line}`);
    registerContractHandlers(ipcMain, router, () => kiosk?.webContents ?? null);

    kiosk = new BrowserWindow(kioskWindowOptions(join(__dirname, 'preload.cjs')));
    lockDownWindow(kiosk, { production: flags.production });
    lockdown.attachShell(
      createSessionGuard({
        powerSaveBlocker,
        screen,
        window: kiosk,
        onLockdownIncident: (kind) => {
          // A changed device invalidates the confirmed device check; the host's display watch measures it again
          // and pauses the sitting if the policy no longer holds (a lost focus always pauses).
          device.invalidate();
          lockdown.report(kind);
        },
      }),
    );
    kiosk.once('ready-to-show', () => kiosk?.show());
    kiosk.on('closed', () => (kiosk = null));
    await kiosk.loadURL(KIOSK_URL);
  });
}
