/**
 * The afnamecondities of a completed sitting, end to end: a host composed exactly as both shells compose it, the
 * real reference package, a device check the afnemer confirms, a whole sitting, and then the signed result must
 * carry the device facts and the check outcomes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeHost, type ComposedHost } from '../../../../../src/host/compose-host';
import { FACTS_FILE_ENV } from '../../../../../src/host/device/collect';
import { PackageStore } from '../../../../../src/host/items/package-store';
import { defaultTrustedPublishersFile } from '../../../../../src/host/items/trust';
import { FileKeyProvider } from '../../../../../src/host/keys/file-key-provider';
import { paths } from '../../../../../src/host/paths';
import { sessionContentOf } from '../../../../../src/host/session/content';
import { InstructionKey } from '../../../../../src/shared/items';
import type { SignedResult } from '../../../../../src/shared/result';
import type { SessionView } from '../../../../../src/shared/session';
import { Rng } from '../../../../faults/rng';
import { openRequest } from '../../../../faults/sitting-driver';
import { planSitting } from '../../../../faults/sitting-plan';
import { host as hostFacts, page } from '../../../../support/device-sample-facts';

let composed: ComposedHost;
let packages: PackageStore;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lbt-conditions-'));
  const factsFile = join(dataDir, 'host-facts.json');
  writeFileSync(factsFile, JSON.stringify(hostFacts()));
  packages = PackageStore.open({
    dir: paths.items,
    trustFile: defaultTrustedPublishersFile,
    allowDevelopmentKeys: true,
  });
  composed = await composeHost({
    afnemerGate: 'when-enrolled', // this test drives the sitting without the console
    shell: 'chromium',
    version: '0.0.0-test',
    packages,
    dataDir,
    provider: await FileKeyProvider.open(dataDir),
    env: { [FACTS_FILE_ENV]: factsFile },
    log: () => undefined,
  });
});

afterAll(() => {
  composed.durable.service.release();
});

async function ok(channel: string, request: unknown) {
  const answer = await composed.router.call(channel, request);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

describe('the conditions record of a completed sitting', () => {
  it('holds the device facts and the check outcomes the afnemer confirmed', async () => {
    const passed = { status: 'passed', at: '2026-11-22T09:00:00.000Z', detail: 'afnemer' } as const;
    await ok('device.check', { page: page() });
    await ok('device.confirm', { checks: { touch: passed, audio: passed, fit: passed }, confirmations: [] });

    const opened = (await ok('session.open', openRequest)) as SessionView;
    const content = sessionContentOf(packages.package)!;
    for (const input of planSitting(content, new Rng(7)).inputs) await ok('session.dispatch', input);

    const stored = (await ok('result.get', { sessionId: opened.state.session!.sessionId })) as SignedResult;
    expect(stored.payload.status).toBe('completed');
    expect(stored.payload.afnamecondities.device).toMatchObject({
      facts: {
        shell: 'chromium',
        displays: [{ physicalPixels: { width: 1920, height: 1080 }, scaleFactor: 1, diagonalInches: 15.6 }],
        kioskAccount: { detected: true },
      },
      checks: { touch: { status: 'passed' }, audio: { status: 'passed' }, fit: { status: 'passed' } },
    });
    expect(stored.payload.afnamecondities.session).toMatchObject(openRequest.conditions);
    // What spoke the instructions in the sitting's language: the package's synthetic voice, for every key.
    const spoken = Object.values(stored.payload.instructionAudio ?? {});
    expect(spoken).toHaveLength(InstructionKey.options.length);
    const language = stored.payload.language;
    for (const provenance of spoken)
      expect(provenance).toEqual(
        ['ti', 'so', 'ps'].includes(language)
          ? null
          : { kind: 'synthetic', engine: 'espeak-ng', voice: language },
      );
  });
});
