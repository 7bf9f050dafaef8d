import type { ShellKind } from '../shared/contract';
import type { HostEnv } from './device/collect';
import type { PackageStore } from './items/package-store';
import { Rejected, type Handlers } from './router';
import { appInfo } from './services/app-info';
import type { DemoMode } from './demo-mode';
import { devicePolicyOf } from '../shared/device';
import {
  collectHostFacts,
  createDeviceService,
  createDisplayWatch,
  type DeviceService,
  type DisplayWatch,
} from './device';
import { appRoot } from './paths';
import { sessionContentOf } from './session/content';
import { createSessionService, type SessionService } from './session/session-service';
import type { SessionRecoveryReport } from '../shared/result';
import { emptyRecoveryReport } from './session/recover-sessions';
import type { ResultStore } from './result/store';
import { afnemerHandlers, type AfnemerConsole } from './afnemer';
import { outboxHandlers } from './outbox/handlers';
import type { Outbox } from './outbox/outbox';

export interface HostContext {
  version: string;
  shell: ShellKind;
  packageId: () => string | null;
  /** The item package the kiosk runs with; absent where only the transport is exercised. */
  packages?: PackageStore;
  /** Device facts and policy (issue 7). Defaults to host-measured facts under the documented policy. */
  device?: DeviceService;
  /** The sitting in progress. Defaults to an in-memory session on the loaded package. */
  session?: SessionService;
  /** What crash recovery found at start (durable shells); absent: nothing was recovered (in-memory). */
  recovery?: SessionRecoveryReport;
  /** Where signed results are stored (durable shells). */
  results?: ResultStore;
  /** The data dir (journals, results, keys); device facts measure its disk. */
  dataDir?: string;
  /** For the default device service: the entry point's facts file seam and kiosk account flag; absent = unset. */
  env?: HostEnv;
  /**
   * The afnemer console (issue 8): gates `session.open`/`session.dispatch` and answers `afnemer.*`. Absent (bare
   * session hosts in unit tests): the session channels are ungated and `afnemer.*` is refused.
   */
  afnemer?: AfnemerConsole;
  /** The display watch of the running sitting; default: one over `device` and `session`. */
  displayWatch?: DisplayWatch;
  /**
   * Whether the host runs demonstrations (src/host/demo-mode.ts): app.info says so, so every screen carries the
   * watermark, and `app.demo` switches it on where the host offers it.
   */
  demo?: DemoMode;
  /** The upload outbox (issue 6): `outbox.*`. Absent (no data dir): those channels are refused in Dutch. */
  outbox?: Outbox;
}

/** Maps every contract channel to the host service that answers it. */
export function createHandlers(context: HostContext): Handlers {
  const device =
    context.device ??
    createDeviceService({
      shell: context.shell,
      appVersion: context.version,
      // The loaded test definition's policy; the documented default while no valid package is loaded.
      policy: () => devicePolicyOf(context.packages?.package?.definition ?? {}),
      hostFacts: () => collectHostFacts({ dataDir: context.dataDir ?? appRoot, env: context.env ?? {} }),
    });
  const session =
    context.session ?? createSessionService({ content: () => sessionContentOf(context.packages?.package) });
  const displayWatch = context.displayWatch ?? createDisplayWatch({ device, session });
  return {
    'app.info': () => appInfo(context),
    'app.demo': () => {
      if (!context.demo) throw new Rejected('Deze kiosk biedt geen demonstratie aan.');
      // Any sitting not yet closed would mix a real start with a demo end: the afnemer closes it first.
      const status = session.state()?.status;
      context.demo.start(status !== undefined && status !== 'closed');
      return appInfo(context);
    },
    'device.check': (request) => device.check(request.page),
    'device.confirm': (request) => device.confirm(request),
    'device.watch': (request) => displayWatch.changed('page', request.page),
    'package.get': () => {
      if (!context.packages) throw new Rejected('No item package is configured for this kiosk.');
      return context.packages.view();
    },
    'session.open': (request) => (context.afnemer ? context.afnemer.open(request) : session.open(request)),
    'session.dispatch': (request) =>
      context.afnemer ? context.afnemer.dispatch(request) : session.dispatch(request),
    'session.state': () => session.view(),
    'session.recovery': () => context.recovery ?? emptyRecoveryReport(new Date()),
    'result.get': async (request) => {
      if (!context.results) throw new Rejected('Deze kiosk bewaart geen resultaten (geen gegevensmap).');
      return context.results.read(request.sessionId);
    },
    ...afnemerHandlers(context.afnemer),
    ...outboxHandlers(context.outbox),
  };
}

/** The report of a host without a journal: nothing to recover. */
