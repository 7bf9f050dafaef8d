/**
 * The console as both shells compose it (compose-host.ts, the real reference package): an enrolled data dir
 * gates sittings behind the login, and says so at start.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { AfnemerGateMode } from '../../../../src/host/afnemer';
import { composeHost, type ComposedHost } from '../../../../src/host/compose-host';
import { PackageStore } from '../../../../src/host/items/package-store';
import { defaultTrustedPublishersFile } from '../../../../src/host/items/trust';
import { FileKeyProvider } from '../../../../src/host/keys/file-key-provider';
import { paths } from '../../../../src/host/paths';
import type { AfnemerLoginResponse } from '../../../../src/shared/afnemer';
import type { SessionView } from '../../../../src/shared/session/view';
import { TEST_AFNEMERS, writeRosterFixture } from '../../../support/roster-fixture';
import { tempDataDir } from '../../../support/afnemer-harness';

const hosts: ComposedHost[] = [];

afterAll(async () => {
  for (const host of hosts) await host.close();
});

async function compose(dataDir: string, afnemerGate?: AfnemerGateMode) {
  const host = await composeHost({
    ...(afnemerGate ? { afnemerGate } : {}),
    shell: 'chromium',
    version: '0.0.0-test',
    packages: PackageStore.open({
      dir: paths.items,
      trustFile: defaultTrustedPublishersFile,
      allowDevelopmentKeys: true,
    }),
    dataDir,
    provider: await FileKeyProvider.open(dataDir),
    log: () => undefined,
  });
  hosts.push(host);
  return host;
}

describe('the composed host', () => {
  it('gates sittings on an enrolled kiosk and logs afnemers in against its roster', async () => {
    const dataDir = tempDataDir();
    await writeRosterFixture(dataDir);
    const host = await compose(dataDir);
    expect(host.startupLines.at(-1)).toContain('need a logged-in afnemer');
    const open = await host.router.call('session.open', {
      afnemerId: 'x',
      candidateRef: 'KND20417',
      gemeente: 'Utrecht',
      doelgroep: 'onbekend',
      language: 'nl',
    });
    expect(open).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: 'Log eerst in als toetsafnemer.' },
    });
    const { afnemerId, pin } = TEST_AFNEMERS.valid;
    const login = await host.router.call('afnemer.login', { afnemerId, pin });
    expect(login.ok && (login.value as AfnemerLoginResponse).outcome).toBe('ok');
  });

  it('close() lets go of the running sitting: the same data dir opened again resumes it', async () => {
    const dataDir = tempDataDir();
    const first = await compose(dataDir, 'when-enrolled');
    const open = await first.router.call('session.open', {
      afnemerId: 'dev',
      candidateRef: 'KND20417',
      gemeente: 'Utrecht',
      doelgroep: 'onbekend',
      language: 'nl',
    });
    expect(open, JSON.stringify(open)).toMatchObject({ ok: true });
    await first.close();
    // Closing twice (a signal during shutdown) is harmless.
    await first.close();
    const second = await compose(dataDir, 'when-enrolled');
    const sessionId = open.ok ? (open.value as SessionView).state.session?.sessionId : null;
    expect(second.durable.recovery.resumed).toMatchObject({ sessionId, phase: 'practice' });
  });

  it('gates an unenrolled kiosk too unless the development flag says otherwise, and says so at start', async () => {
    const gated = await compose(tempDataDir());
    expect(gated.startupLines.at(-1)).toContain('need a logged-in afnemer');
    // No sitting opens (and so none can be paused, aborted or closed) without a logged-in afnemer.
    const open = await gated.router.call('session.open', {
      afnemerId: 'x',
      candidateRef: 'KND20417',
      gemeente: 'Utrecht',
      doelgroep: 'onbekend',
      language: 'nl',
    });
    expect(open).toMatchObject({ ok: false, error: { message: 'Log eerst in als toetsafnemer.' } });
    const development = await compose(tempDataDir(), 'when-enrolled');
    expect(development.startupLines.at(-1)).toContain('NOT enforced');
  });
});
