/** A console over a durable session host on the mini package, with a test clock and sample device facts. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAfnemerConsole, trackDevice, type AfnemerGateMode } from '../../src/host/afnemer';
import { createDeviceService } from '../../src/host/device';
import { createHandlers } from '../../src/host/handlers';
import { FileKeyProvider } from '../../src/host/keys/file-key-provider';
import { createRouter } from '../../src/host/router';
import { rosterKeyFrom } from '../../src/host/service-link/roster-seal';
import { openDurableSessions } from '../../src/host/session/durable';
import type { ConsolePolicy } from '../../src/shared/afnemer';
import { devicePolicyOf, type HostFacts } from '../../src/shared/device';
import { host as hostFacts, page } from './device-sample-facts';
import type { TestDefinition } from '../../src/shared/items';
import { context } from './session-fixture';
import { TestClock } from './session-durable-harness';

export { TestClock };

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'lbt-afnemer-'));

export const PASSED = { status: 'passed', at: '2026-11-22T09:00:00.000Z', detail: 'afnemer' } as const;

export interface ConsoleHostOptions {
  gate?: AfnemerGateMode;
  policy?: Partial<ConsolePolicy>;
  facts?: () => HostFacts;
  idleMinutes?: number;
  /** Changes to the mini package's test definition (its status, say). */
  definition?: Partial<TestDefinition>;
}

/** Composed like compose-host.ts does it, with the mini package and injected host facts. */
export async function startConsoleHost(dataDir: string, clock: TestClock, options: ConsoleHostOptions = {}) {
  const device = trackDevice(
    createDeviceService({
      shell: 'chromium',
      appVersion: '0.0.0-test',
      policy: () => devicePolicyOf({}),
      hostFacts: async () => (options.facts ?? hostFacts)(),
      now: clock.now,
    }),
  );
  const provider = await FileKeyProvider.open(dataDir);
  const durable = await openDurableSessions({
    dataDir,
    provider,
    content: () => context(options.definition),
    device: () => device.current(),
    now: clock.now,
  });
  const afnemer = createAfnemerConsole({
    dataDir,
    rosterKey: rosterKeyFrom(dataDir, provider),
    shell: 'chromium',
    session: durable.service,
    device,
    content: () => context(options.definition),
    // The mini package (nl, en) is taken to have no audio in English, so the no-audio rules can be tried.
    instructionAudio: (language) => language !== 'en',
    results: durable.results,
    recovery: durable.recovery,
    gate: options.gate ?? 'always',
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.idleMinutes !== undefined ? { idleMinutes: options.idleMinutes } : {}),
    now: clock.now,
  });
  await afnemer.holdRecovered();
  const internal: unknown[] = [];
  const router = createRouter(
    createHandlers({
      version: '0.0.0',
      shell: 'chromium',
      packageId: () => 'mini-pkg',
      device,
      session: durable.service,
      recovery: durable.recovery,
      results: durable.results,
      dataDir,
      afnemer,
    }),
    { onInternalError: (_channel, error) => internal.push(error) },
  );
  const call = (channel: string, request: unknown = {}) => router.call(channel, request);
  /** The value of a call that must succeed. */
  const ok = async <T = unknown>(channel: string, request: unknown = {}): Promise<T> => {
    const answer = await call(channel, request);
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code}: ${answer.error.message}`);
    return answer.value as T;
  };
  /** Runs the device check and confirms it with every interactive check passed. */
  const readyDevice = async () => {
    await ok('device.check', { page: page() });
    await ok('device.confirm', { checks: { touch: PASSED, audio: PASSED, fit: PASSED }, confirmations: [] });
  };
  const stop = () => durable.service.release();
  return { durable, afnemer, device, call, ok, readyDevice, internal, stop };
}

export type ConsoleHost = Awaited<ReturnType<typeof startConsoleHost>>;

/** The console's set-up screen, filled in: a valid reference, the checklist with an interpreter. */
export const startRequest = {
  candidateRef: 'KND20417',
  doelgroep: 'gezinsmigrant',
  language: 'nl',
  checklist: {
    roomQuiet: true,
    groupSize: 3,
    headphones: true,
    interpreterPresent: true,
    interpreterLanguage: 'ar',
    interpreterMode: 'in-room',
    translationTool: false,
    preparation: 'demo-vandaag',
    intakeMoment: 'na-intake',
  },
} as const;
