import { describe, expect, it } from 'vitest';
import { createDeviceService } from '../../../../../src/host/device/service';
import { DeviceFactsFileError } from '../../../../../src/host/device/collect';
import { createHandlers } from '../../../../../src/host/handlers';
import { createRouter } from '../../../../../src/host/router';
import {
  DEFAULT_DEVICE_POLICY,
  DeviceConditions,
  type HostFacts,
  type InteractiveChecks,
} from '../../../../../src/shared/device';
import { host, page } from '../../../../support/device-sample-facts';

const passed = { status: 'passed', at: '2026-11-22T10:01:00.000Z', detail: null } as const;
const allPassed: InteractiveChecks = { touch: passed, audio: passed, fit: passed };

function routerWith(hostFacts: () => Promise<HostFacts>) {
  const device = createDeviceService({
    shell: 'chromium',
    appVersion: '1.2.3',
    policy: () => DEFAULT_DEVICE_POLICY,
    hostFacts,
    now: () => new Date('2026-11-22T10:02:00.000Z'),
  });
  return {
    device,
    router: createRouter(
      createHandlers({ version: '1.2.3', shell: 'chromium', packageId: () => null, device }),
    ),
  };
}

describe('device.check and device.confirm through the router', () => {
  it('records the device conditions of a compliant laptop with its facts and check outcomes', async () => {
    const { router, device } = routerWith(async () => host());
    const report = await router.call('device.check', { page: page() });
    expect(report).toMatchObject({ ok: true, value: { requiredChecks: ['touch', 'audio', 'fit'] } });
    const record = await router.call('device.confirm', { checks: allPassed, confirmations: [] });
    expect(record.ok).toBe(true);
    const conditions = DeviceConditions.parse((record as { value: unknown }).value);
    expect(conditions).toMatchObject({
      schema: 'lbt.device-conditions/1',
      policyVersion: '1.0.0',
      checks: allPassed,
      overrides: [],
      recordedAt: '2026-11-22T10:02:00.000Z',
      facts: {
        appVersion: '1.2.3',
        displayCount: 1,
        displays: [{ physicalPixels: { width: 1920, height: 1080 }, diagonalInches: 15.6 }],
      },
    });
    expect(device.current()).toEqual(conditions);
  });

  it('refuses to confirm a blocked device and names the reason in Dutch', async () => {
    const { router, device } = routerWith(async () => host());
    await router.call('device.check', { page: page({ screen: { width: 1366, height: 768 } }) });
    const refused = await router.call('device.confirm', { checks: allPassed, confirmations: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect((refused as { error: { message: string } }).error.message).toContain('Het scherm is 1366×768');
    expect(device.current()).toBeNull();
  });

  it('requires every warning to be confirmed by name, and records who confirmed it', async () => {
    const { router } = routerWith(async () => host({ power: { onBattery: true, batteryPercent: 10 } }));
    await router.call('device.check', { page: page() });
    const unconfirmed = await router.call('device.confirm', { checks: allPassed, confirmations: [] });
    expect(unconfirmed).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Bevestig eerst de waarschuwing') },
    });
    const blockConfirm = await router.call('device.confirm', {
      checks: allPassed,
      confirmations: [
        { rule: 'battery', confirmedBy: 'A. Afnemer' },
        { rule: 'minResolution', confirmedBy: 'A. Afnemer' },
      ],
    });
    expect(blockConfirm).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('minResolution') },
    });
    const noName = await router.call('device.confirm', {
      checks: allPassed,
      confirmations: [{ rule: 'battery', confirmedBy: '  ' }],
    });
    expect(noName).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const ok = await router.call('device.confirm', {
      checks: allPassed,
      confirmations: [{ rule: 'battery', confirmedBy: 'A. Afnemer' }],
    });
    expect(ok).toMatchObject({
      ok: true,
      value: {
        overrides: [
          { rule: 'battery', confirmedBy: 'A. Afnemer', explanation: expect.stringMatching(/10% vol/) },
        ],
      },
    });
  });

  it('requires the interactive checks, and refuses a confirm before any check', async () => {
    const { router } = routerWith(async () => host());
    await expect(
      router.call('device.confirm', { checks: allPassed, confirmations: [] }),
    ).resolves.toMatchObject({
      ok: false,
      error: { message: 'Doe eerst de apparaatcontrole.' },
    });
    await router.call('device.check', { page: page() });
    const failedTouch = await router.call('device.confirm', {
      checks: {
        ...allPassed,
        touch: { status: 'failed', at: null, detail: 'muisklikken' },
        audio: { status: 'not-run', at: null, detail: null },
      },
      confirmations: [],
    });
    expect((failedTouch as { error: { message: string } }).error.message).toMatch(
      /De aanraaktest is niet gelukt\..*Doe eerst de geluidstest\./,
    );
  });

  it('turns a broken facts file into a refusal the afnemer can read, not a crash', async () => {
    const { router } = routerWith(async () => {
      throw new DeviceFactsFileError('LBT_DEVICE_FACTS_FILE (/x.json) is not valid JSON.');
    });
    await expect(router.call('device.check', { page: page() })).resolves.toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringContaining('not valid JSON') },
    });
    await expect(
      router.call('device.check', { page: { ...page(), devicePixelRatio: -1 } }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});

describe('the policy comes from the loaded test definition', () => {
  it('uses the package definition’s devicePolicy, and the documented default without a package', async () => {
    const lenient = {
      ...DEFAULT_DEVICE_POLICY,
      version: '2.0.0',
      minResolution: { severity: 'block' as const, width: 1280, height: 720 },
    };
    const withPackage = createRouter(
      createHandlers({
        version: '1.0.0',
        shell: 'chromium',
        packageId: () => 'p',
        packages: { package: { definition: { devicePolicy: lenient } } } as never,
      }),
    );
    const small = { page: page({ screen: { width: 1366, height: 768 } }) };
    const lenientReport = (await withPackage.call('device.check', small)) as {
      value: { policy: { version: string }; rules: { rule: string; status: string }[] };
    };
    expect(lenientReport.value.policy.version).toBe('2.0.0');
    expect(lenientReport.value.rules.find((r) => r.rule === 'minResolution')!.status).toBe('pass');
    const noPackage = createRouter(
      createHandlers({ version: '1.0.0', shell: 'chromium', packageId: () => null }),
    );
    const defaultReport = (await noPackage.call('device.check', small)) as typeof lenientReport;
    expect(defaultReport.value.policy.version).toBe('1.0.0');
    expect(defaultReport.value.rules.find((r) => r.rule === 'minResolution')!.status).toBe('block');
  });
});
