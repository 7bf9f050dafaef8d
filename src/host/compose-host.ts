import type { ShellKind } from '../shared/contract';
import { devicePolicyOf } from '../shared/device';
import { collectHostFacts, createDeviceService, type DeviceService } from './device';
import type { DeviceServiceOptions } from './device/service';
import { createHandlers } from './handlers';
import type { PackageStore } from './items/package-store';
import type { KeyProvider } from './keys/key-provider';
import { createRouter, type Router } from './router';
import { sessionContentOf } from './session/content';
import { describeRecovery } from './session/describe-recovery';
import { openDurableSessions, type DurableSessions } from './session/durable';

export interface HostParts {
  shell: ShellKind;
  version: string;
  packages: PackageStore;
  dataDir: string;
  /** Seals the journal and device keys: a key file (Chromium host) or the OS keystore (Electron). */
  provider: KeyProvider;
  /** Displays as the Electron shell sees them; the Chromium host learns them from the page instead. */
  shellDisplays?: DeviceServiceOptions['shellDisplays'];
  log: (message: string, error?: unknown) => void;
}

export interface ComposedHost {
  router: Router;
  device: DeviceService;
  durable: DurableSessions;
  /** What start-up found, one line each: package, data dir, recovered sittings. */
  startupLines: string[];
}

/**
 * Everything behind the contract, the same for both shells: device checks, durable sittings recovered from
 * their journals, and one router over the handlers. A shell adds only its transport and its key provider.
 */
export async function composeHost(parts: HostParts): Promise<ComposedHost> {
  const { packages, dataDir } = parts;
  const device = createDeviceService({
    shell: parts.shell,
    appVersion: parts.version,
    policy: () => devicePolicyOf(packages.package?.definition ?? {}),
    hostFacts: () => collectHostFacts({ dataDir }),
    ...(parts.shellDisplays ? { shellDisplays: parts.shellDisplays } : {}),
  });
  const durable = await openDurableSessions({
    dataDir,
    provider: parts.provider,
    content: () => sessionContentOf(packages.package),
    device: () => device.current(),
    log: parts.log,
  });
  const router = createRouter(
    createHandlers({
      version: parts.version,
      shell: parts.shell,
      packageId: () => packages.packageId(),
      packages,
      device,
      session: durable.service,
      recovery: durable.recovery,
      results: durable.results,
      dataDir,
    }),
    { onInternalError: (channel, error) => parts.log(`${channel} failed:`, error) },
  );
  return {
    router,
    device,
    durable,
    startupLines: [
      packages.summary(),
      `Data dir: ${dataDir} (device ${durable.identity.deviceId})`,
      ...describeRecovery(durable.recovery),
    ],
  };
}
