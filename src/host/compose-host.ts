import type { HostConfig } from '../shared/config/host';
import type { ShellKind } from '../shared/contract';
import { devicePolicyOf } from '../shared/device';
import {
  collectHostFacts,
  createDeviceService,
  createDisplayWatch,
  type DeviceService,
  type DisplayWatch,
} from './device';
import type { DeviceServiceOptions } from './device/service';
import { createDemoMode } from './demo-mode';
import { createHandlers } from './handlers';
import type { PackageStore } from './items/package-store';
import type { KeyProvider } from './keys/key-provider';
import { createRouter, type Router } from './router';
import { sessionContentOf } from './session/content';
import { hasInstructionAudio } from '../shared/afnemer/arrangement';
import { describeRecovery } from './session/describe-recovery';
import { openDurableSessions, type DurableSessions } from './session/durable';
import { DEFAULT_IDLE_MINUTES } from './afnemer/idle-timeout';
import { createAfnemerConsole, trackDevice, type AfnemerConsole, type AfnemerGateMode } from './afnemer';
import type { LockdownSeam } from './device/lockdown-seam';
import type { ConsolePolicy } from '../shared/afnemer';
import { kickOnClose, Outbox, settledBy } from './outbox';
import { startRosterRefresher, type RosterRefresher } from './service-link/roster-refresher';
import { rosterKeyFrom } from './service-link/roster-seal';

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
  /**
   * When sittings need a logged-in afnemer: `always`, or `when-enrolled` (once service.json exists). Default:
   * LBT_AFNEMER_GATE (src/host/afnemer/gate-mode.ts), else `always`; `when-enrolled` is a development flag.
   */
  afnemerGate?: AfnemerGateMode;
  /**
   * Minutes without an afnemer action before the console login ends. Default: LBT_AFNEMER_IDLE_MINUTES
   * (src/host/afnemer/idle-timeout.ts), else 10.
   */
  afnemerIdleMinutes?: number;
  /** The console's policy (score visibility, candidate reference format); defaults in src/shared/afnemer/policy.ts. */
  consolePolicy?: Partial<ConsolePolicy>;
  /**
   * A demonstration host (`--demo`; never a production Electron build): sittings run on any window, every
   * screen carries the watermark and every result is marked demo, which the results service refuses.
   */
  demo?: boolean;
  /**
   * A development host (`npm start`, never a production build): the blocked device check offers "Demo starten",
   * which switches this host to demo (src/host/demo-mode.ts).
   */
  demoOffered?: boolean;
  /** The shell's lockdown seam (Electron): each incident pauses a running sitting until the afnemer's PIN. */
  lockdown?: LockdownSeam;
  /**
   * The rest of the entry point's HostConfig (read once at start): the device facts file seam, the kiosk account
   * flag and the export dir. Absent: none of them set.
   */
  env?: Pick<HostConfig, 'LBT_DEVICE_FACTS_FILE' | 'LBT_KIOSK_ACCOUNT' | 'LBT_EXPORT_DIR'>;
}

export interface ComposedHost {
  router: Router;
  device: DeviceService;
  durable: DurableSessions;
  afnemer: AfnemerConsole;
  /** Measures the display again when a shell reports a change (the Electron shell's screen events). */
  displayWatch: DisplayWatch;
  /** Uploads closed results to the results service (issue 6); started, stops with `close()`. */
  outbox: Outbox;
  roster: RosterRefresher;
  /** What start-up found, one line each: package, data dir, recovered sittings. */
  startupLines: string[];
  /**
   * For a shell shutting down: stops the roster refresh and the outbox timer, waits for an upload round in
   * flight, and lets go of the running sitting's journal (it stays resumable). Every state on disk is complete
   * at every moment, so this is tidiness, not safety: a killed host loses nothing either.
   */
  close(): Promise<void>;
}

/**
 * Everything behind the contract, the same for both shells: device checks, durable sittings recovered from
 * their journals, and one router over the handlers. A shell adds only its transport and its key provider.
 */
export async function composeHost(parts: HostParts): Promise<ComposedHost> {
  const { packages, dataDir } = parts;
  const demo = createDemoMode({ on: parts.demo === true, offered: parts.demoOffered === true });
  const device = trackDevice(
    createDeviceService({
      shell: parts.shell,
      appVersion: parts.version,
      policy: () => devicePolicyOf(packages.package?.definition ?? {}),
      hostFacts: () => collectHostFacts({ dataDir, env: parts.env ?? {} }),
      ...(parts.shellDisplays ? { shellDisplays: parts.shellDisplays } : {}),
    }),
  );
  const durable = await openDurableSessions({
    dataDir,
    provider: parts.provider,
    content: () => sessionContentOf(packages.package),
    device: () => device.current(),
    demo: demo.on,
    log: parts.log,
  });
  const outbox = new Outbox({
    dataDir,
    ...(parts.env?.LBT_EXPORT_DIR ? { exportDir: parts.env.LBT_EXPORT_DIR } : {}),
    deviceId: durable.identity.deviceId,
    isSettled: settledBy(durable.service),
    journals: { dir: durable.journalsDir, key: durable.journalKey },
    log: parts.log,
  });
  // The cached roster is sealed under its own key from the same provider (src/host/service-link/roster-seal.ts).
  const rosterKey = rosterKeyFrom(dataDir, parts.provider);
  // Every path that closes a sitting (session.dispatch, afnemer.close) goes through this service.
  const sessions = kickOnClose(durable.service, () => void outbox.kick());
  const afnemer = createAfnemerConsole({
    dataDir,
    rosterKey,
    shell: parts.shell,
    session: sessions,
    device,
    content: () => sessionContentOf(packages.package),
    instructionAudio: (language) => hasInstructionAudio(packages.package?.instructions.get(language)),
    results: durable.results,
    recovery: durable.recovery,
    // From the entry point's HostConfig (read once at start); unset means the safe defaults.
    gate: parts.afnemerGate ?? 'always',
    demo: demo.on,
    idleMinutes: parts.afnemerIdleMinutes ?? DEFAULT_IDLE_MINUTES,
    ...(parts.consolePolicy ? { policy: parts.consolePolicy } : {}),
    // Right after closing the upload has only just been kicked: usually `waiting`; the console polls outbox.list.
    delivery: async (sessionId) =>
      (await outbox.view()).entries.find((e) => e.sessionId === sessionId) ?? null,
    log: parts.log,
  });
  // A sitting resumed after a crash waits (paused) for an afnemer's PIN before the candidate goes on.
  await afnemer.holdRecovered();
  const displayWatch = createDisplayWatch({ device, session: sessions, log: parts.log });
  // A lost focus always pauses; a display change pauses only when the display no longer meets the policy.
  parts.lockdown?.onLockdownIncident((kind) =>
    kind === 'window-blur'
      ? void afnemer.lockdownIncident(kind)
      : void displayWatch.changed('shell', null).catch(() => undefined),
  );
  const router = createRouter(
    createHandlers({
      version: parts.version,
      shell: parts.shell,
      packageId: () => packages.packageId(),
      packages,
      device,
      session: sessions,
      recovery: durable.recovery,
      results: durable.results,
      dataDir,
      afnemer,
      outbox,
      displayWatch,
      demo,
    }),
    { onInternalError: (channel, error) => parts.log(`${channel} failed:`, error) },
  );
  outbox.start();
  const roster = startRosterRefresher({ dataDir, device: durable.identity, rosterKey, log: parts.log });
  return {
    router,
    device,
    durable,
    afnemer,
    displayWatch,
    outbox,
    roster,
    async close() {
      roster.close();
      await outbox.close();
      await durable.service.release();
    },
    startupLines: [
      packages.summary(),
      `Data dir: ${dataDir} (device ${durable.identity.deviceId})`,
      ...describeRecovery(durable.recovery),
      (await afnemer.gateActive())
        ? 'Afnemer console: sittings need a logged-in afnemer and a ready device check.'
        : 'Afnemer console: NOT enforced (kiosk not enrolled; development only): sittings open without an afnemer login.',
    ],
  };
}
