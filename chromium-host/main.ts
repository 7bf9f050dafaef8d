/**
 * The Chromium shell: runs the kiosk host in Node, serves the built renderer on 127.0.0.1 and, when a
 * display is present, opens the system Chromium in kiosk mode. Used by the e2e tests and on machines
 * where the Electron runtime cannot be installed.
 *
 *   tsx chromium-host/main.ts [--port N] [--no-browser] [--ready-json] [--items DIR] [--trust FILE] [--demo]
 *                               [--demo-offer]
 *
 * `--demo` runs a demonstration on any window: the device policy gates nothing, every screen says
 * "demo — geen geldige afname" and every result is marked demo (the results service refuses those).
 * `--demo-offer` (what `npm start` passes) lets the afnemer switch to that mode with "Demo starten" on a device
 * check that refuses the device.
 *
 * The item package (default items/, or LBT_ITEMS_DIR) is loaded at start, trusting the publishers in
 * --trust (default items/tools/trusted-publishers.json, or LBT_TRUSTED_PUBLISHERS) with development keys
 * allowed: this shell is for development, tests and fallback machines, never a production build.
 *
 * Sittings are durable: keys, device identity, journals and results live in the data dir (LBT_DATA_DIR, or the
 * per-user default of resolveDataDir). At start an interrupted sitting is recovered and resumed before the
 * ready line is printed; `session.recovery` tells the afnemer what happened.
 */
import { parseArgs } from 'node:util';
import { composeHost } from '../src/host/compose-host';
import { FileKeyProvider } from '../src/host/keys/file-key-provider';
import { resolveDataDir } from '../src/host/session/data-dir';
import { PackageStore } from '../src/host/items/package-store';
import { defaultTrustedPublishersFile } from '../src/host/items/trust';
import { paths } from '../src/host/paths';
import { readAppVersion } from '../src/host/services/app-info';
import { startChromiumHost } from './http-server';
import { findChromium, hasDisplay, launchKioskBrowser } from './launch-browser';
import { newLaunchToken } from './token';
import { readHostConfig } from '../src/shared/config';

// The host's environment, read once here and refused with a clear error when a value is unknown.
const config = readHostConfig(process.env);

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(config.LBT_HOST_PORT) },
    'no-browser': { type: 'boolean', default: false },
    'ready-json': { type: 'boolean', default: false },
    items: { type: 'string', default: config.LBT_ITEMS_DIR ?? paths.items },
    trust: { type: 'string', default: config.LBT_TRUSTED_PUBLISHERS ?? defaultTrustedPublishersFile },
    demo: { type: 'boolean', default: false },
    'demo-offer': { type: 'boolean', default: false },
  },
});

const packages = PackageStore.open({
  dir: values.items,
  trustFile: values.trust,
  allowDevelopmentKeys: true,
});

const version = readAppVersion(paths.packageJson);
const dataDir = resolveDataDir(config);
const composed = await composeHost({
  shell: 'chromium',
  version,
  packages,
  dataDir,
  provider: await FileKeyProvider.open(dataDir),
  afnemerGate: config.LBT_AFNEMER_GATE,
  afnemerIdleMinutes: config.LBT_AFNEMER_IDLE_MINUTES,
  demo: values.demo,
  demoOffered: values['demo-offer'],
  env: config,
  log: (message, error) => console.error(`[host] ${message}`, error ?? ''),
});

const { router, startupLines } = composed;
const host = await startChromiumHost({
  router,
  rendererDir: paths.renderer,
  token: newLaunchToken(),
  port: Number(values.port),
  packageFile: (path) => packages.file(path),
});

console.log(
  'LBT Kiosk: Chromium shell with REDUCED lockdown (operating-system keys, devtools and other windows are not blocked; use the Electron shell for real sittings).',
);
if (values.demo)
  console.log(
    'DEMO MODE: any window, no device policy; results are marked demo and never count (demo — geen geldige afname).',
  );
for (const line of startupLines) console.log(line);
if (values['ready-json'])
  console.log('LBT_READY ' + JSON.stringify({ url: host.url, launchUrl: host.launchUrl }));

const browser = findChromium(config.LBT_CHROMIUM_PATH);
if (values['no-browser']) {
  console.log(`Kiosk page: ${host.launchUrl}`);
} else if (!hasDisplay(config)) {
  console.log(`No display found: serving only. Open this URL in Chromium: ${host.launchUrl}`);
} else if (!browser) {
  console.log(
    `No Chromium found (install Debian's "chromium" or set LBT_CHROMIUM_PATH). Kiosk page: ${host.launchUrl}`,
  );
} else {
  console.log(`Opening ${browser} in kiosk mode at ${host.url}`);
  const child = launchKioskBrowser(browser, host.launchUrl, config.DISPLAY);
  child.on('exit', (code) => {
    console.log(`Kiosk browser closed (exit ${code ?? 'signal'}); host stops.`);
    void shutDown();
  });
}

/**
 * The transport first (no new calls), then the host's background work (outbox round, roster refresh, journal).
 * Once only, whichever comes first: the kiosk browser closing or a signal; a second Ctrl-C kills at once.
 */
let closing: Promise<void> | null = null;
function shutDown(): Promise<void> {
  closing ??= (async () => {
    let code = 0;
    try {
      await host.close();
      await composed.close();
    } catch (error) {
      console.error('[host] shutdown failed:', error);
      code = 1;
    }
    process.exit(code);
  })();
  return closing;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void shutDown());
}
