import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { issueEnrollmentCode } from '../../../src/server/admin/enrollment-codes';
import { upsertAfnemer } from '../../../src/server/admin/afnemers';
import { buildSignedRoster } from '../../../src/server/roster/build';
import type { ServiceDeps } from '../../../src/server/service-deps';
import { startResultsService, type RunningService } from '../../../src/server/start';
import { PackageStore } from '../../../src/host/items/package-store';
import { defaultTrustedPublishersFile } from '../../../src/host/items/trust';
import { FileKeyProvider } from '../../../src/host/keys/file-key-provider';
import { enrollDevice } from '../../../src/host/service-link/enroll';
import { rosterKeyFrom, writeSealedRoster } from '../../../src/host/service-link/roster-seal';
import { ITEMS_DIR } from '../candidate/package-files';
import { startHostProcess, type HostProcess } from '../host-process';

/**
 * The world of a console test: a REAL results service on 127.0.0.1 (SQLite in a temp dir) that knows the
 * reference package, a kiosk data dir enrolled with it through the real enrollment route, the service's
 * signed roster cached in that data dir, and the real host process started on it.
 */
export const GEMEENTE = 'Utrecht';

export const AFNEMERS = {
  /** The afnemer who runs the sittings. */
  main: { afnemerId: 'AFN-20417', name: 'S. de Vries', pin: '24680', validUntil: '2099-12-31' },
  /** Locked out by five wrong PINs in the login test (never the main one: lockouts persist). */
  locked: { afnemerId: 'AFN-30303', name: 'R. Bakker', pin: '11223', validUntil: '2099-12-31' },
  /** Certificate ran out. */
  expired: { afnemerId: 'AFN-10001', name: 'M. Jansen', pin: '13579', validUntil: '2024-06-30' },
} as const;

/** A compliant 15.6-inch touch laptop (the page's own facts come from the browser Playwright emulates). */
export const COMPLIANT_FACTS = {
  panels: [
    {
      connector: 'eDP-1',
      manufacturer: 'LBT',
      productName: 'LBT 156 FHD',
      sizeMm: { width: 345, height: 194 },
      diagonalInches: 15.6,
      sizeSource: 'facts-file',
      internal: true,
    },
  ],
  connectedDisplays: 1,
  power: { onBattery: false, batteryPercent: 90 },
  disk: { path: '/var/lib/lbt', freeMegabytes: 50_000 },
  audio: { outputDevices: 1, source: 'alsa' },
  os: { platform: 'linux', release: '6.1.0', arch: 'x64', version: null },
  kioskAccount: { detected: true, account: 'lbt-kiosk', via: 'username' },
};

/** The same laptop with a projector plugged in: the single-display rule blocks. */
export const BLOCKED_FACTS = { ...COMPLIANT_FACTS, connectedDisplays: 2 };

export function factsFile(facts: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lbt-facts-')), 'host-facts.json');
  writeFileSync(file, JSON.stringify(facts));
  return file;
}

export async function startService(): Promise<RunningService> {
  const store = PackageStore.open({
    dir: ITEMS_DIR,
    trustFile: defaultTrustedPublishersFile,
    allowDevelopmentKeys: true,
  });
  const pkg = store.package;
  if (!pkg) throw new Error(`reference package not loadable: ${JSON.stringify(store.problems)}`);
  const items = pkg.definition.items.map((id) => pkg.items.get(id)!);
  const service = await startResultsService({
    dataDir: mkdtempSync(join(tmpdir(), 'lbt-service-')),
    packages: [{ packageHash: pkg.packageHash, definition: pkg.definition, items }],
    logLevel: 'silent',
  });
  for (const afnemer of Object.values(AFNEMERS)) {
    await upsertAfnemer(service.deps, { ...afnemer, gemeente: GEMEENTE });
  }
  return service;
}

/** A fresh kiosk data dir enrolled with `service` (as `lbt kiosk enroll` does), with its roster cached. */
export async function enrolledDataDir(service: RunningService): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lbt-kiosk-'));
  const { code } = await issueEnrollmentCode(service.deps, { gemeente: GEMEENTE, label: 'e2e kiosk' });
  await enrollDevice({ dataDir, serverUrl: service.url, code });
  const deps = service.deps as ServiceDeps;
  const roster = await buildSignedRoster(deps, deps.serverKey, GEMEENTE);
  // Sealed as the host's refresher caches it: under the roster key of the data dir's FileKeyProvider, which the
  // Chromium host process opens on the same data dir.
  const rosterKey = rosterKeyFrom(dataDir, await FileKeyProvider.open(dataDir));
  await writeSealedRoster(dataDir, await rosterKey(), roster, { exclusive: false });
  return dataDir;
}

export function startKiosk(
  dataDir: string,
  facts: object = COMPLIANT_FACTS,
  args: string[] = [],
): Promise<HostProcess> {
  return startHostProcess({
    dataDir,
    env: { LBT_DEVICE_FACTS_FILE: factsFile(facts), LBT_AFNEMER_GATE: 'always' },
    args,
  });
}

/** The console at the host's launch URL; `pace=fast` shortens the demonstrating hand, as in the candidate tests. */
export function consoleUrl(host: HostProcess): string {
  return host.launchUrl.replace('/kiosk/#', '/kiosk/?pace=fast#');
}

export const SHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots');
