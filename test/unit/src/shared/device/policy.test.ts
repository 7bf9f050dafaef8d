import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEVICE_POLICY,
  DevicePolicy,
  devicePolicyOf,
  evaluateDevicePolicy,
  mergeDeviceFacts,
  type HostFacts,
  type PageFacts,
  type RuleId,
  type RuleOutcome,
} from '../../../../../src/shared/device';
import { TestDefinition } from '../../../../../src/shared/items';
import { host, page, panelFrom } from '../../../../support/device-sample-facts';

const context = { shell: 'chromium' as const, appVersion: '1.0.0', collectedAt: '2026-11-22T10:00:00.000Z' };

function evaluate(pageFacts: PageFacts | null, hostFacts: HostFacts, policy = DEFAULT_DEVICE_POLICY) {
  return evaluateDevicePolicy(policy, mergeDeviceFacts(pageFacts, hostFacts, context));
}

function rule(outcomes: RuleOutcome[], id: RuleId): RuleOutcome {
  return outcomes.find((outcome) => outcome.rule === id)!;
}

function notPassing(outcomes: RuleOutcome[]) {
  return outcomes.filter((outcome) => outcome.status !== 'pass').map((o) => [o.rule, o.status]);
}

describe('the default device policy', () => {
  it('passes a 1920x1080 touch laptop with a 15.6-inch panel at 100%', () => {
    const outcomes = evaluate(page(), host());
    expect(notPassing(outcomes)).toEqual([]);
    expect(rule(outcomes, 'diagonalInches').observed).toBe('15,6 inch');
    expect(outcomes).toHaveLength(8);
  });

  it('blocks 1366x768 and says why in Dutch', () => {
    const outcomes = evaluate(page({ screen: { width: 1366, height: 768 } }), host());
    expect(notPassing(outcomes)).toEqual([['minResolution', 'block']]);
    expect(rule(outcomes, 'minResolution').explanation).toBe(
      'Het scherm is 1366×768; minimaal 1920×1080 is nodig zodat alles zonder scrollen zichtbaar is.',
    );
  });

  it.each([
    [1.25, 1536, 864, '125%'],
    [1.5, 1280, 720, '150%'],
    [2.0, 960, 540, '200%'],
  ])('blocks OS scale %s even when the physical resolution is enough', (scale, width, height, shown) => {
    const outcomes = evaluate(page({ screen: { width, height }, devicePixelRatio: scale }), host());
    expect(notPassing(outcomes)).toEqual([['scaleFactors', 'block']]);
    const explanation = rule(outcomes, 'scaleFactors').explanation;
    expect(explanation).toContain(`staat op ${shown}`);
    expect(explanation).toContain('alleen 100% is toegestaan');
  });

  it('blocks a screen without touch', () => {
    const outcomes = evaluate(
      page({ maxTouchPoints: 0, pointerCoarse: false, anyPointerCoarse: false }),
      host(),
    );
    expect(notPassing(outcomes)).toEqual([['touch', 'block']]);
    expect(rule(outcomes, 'touch').explanation).toMatch(/geen aanraakscherm/);
  });

  it('blocks two displays, whether the OS or the browser reports the second one', () => {
    const byOs = evaluate(page(), host({ connectedDisplays: 2 }));
    expect(notPassing(byOs)).toEqual([['singleDisplay', 'block']]);
    expect(rule(byOs, 'singleDisplay').explanation).toMatch(/^Er zijn 2 beeldschermen aangesloten/);
    const byPage = evaluate(page({ screenIsExtended: true }), host({ connectedDisplays: null }));
    expect(rule(byPage, 'singleDisplay').status).toBe('block');
  });

  it.each([
    ['13.3', '13,3 inch'],
    ['17.3', '17,3 inch'],
  ] as const)('blocks a %s-inch panel (EDID fixture)', (panel, shown) => {
    const outcomes = evaluate(page(), host({ panels: [panelFrom(panel)] }));
    expect(notPassing(outcomes)).toEqual([['diagonalInches', 'block']]);
    expect(rule(outcomes, 'diagonalInches').explanation).toBe(
      `Het scherm is ${shown}; het moet tussen 14,0 en 16,0 inch zijn, zodat plaatjes en knoppen voor iedere kandidaat even groot zijn.`,
    );
  });

  it('warns (never passes) when the panel size cannot be measured', () => {
    const outcomes = evaluate(page(), host({ panels: [] }));
    expect(notPassing(outcomes)).toEqual([['diagonalInches', 'warn']]);
    expect(rule(outcomes, 'diagonalInches').explanation).toMatch(/kon niet worden gemeten; controleer zelf/);
  });

  it('warns about a low battery without the charger, blocks a full disk, warns outside the kiosk account', () => {
    const outcomes = evaluate(
      page(),
      host({
        power: { onBattery: true, batteryPercent: 20 },
        disk: { path: '/', freeMegabytes: 120 },
        kioskAccount: { detected: false, account: 'jan', via: null },
      }),
    );
    expect(notPassing(outcomes)).toEqual([
      ['battery', 'warn'],
      ['freeDisk', 'block'],
      ['kioskAccount', 'warn'],
    ]);
    expect(rule(outcomes, 'battery').explanation).toBe(
      'De laptop werkt op de accu en die is 20% vol; sluit de lader aan (zonder lader is minimaal 50% nodig).',
    );
    expect(rule(outcomes, 'freeDisk').explanation).toMatch(
      /^Er is 120 MB vrije schijfruimte; minimaal 500 MB/,
    );
    // Enough charge on battery alone is fine.
    expect(
      rule(evaluate(page(), host({ power: { onBattery: true, batteryPercent: 75 } })), 'battery').status,
    ).toBe('pass');
  });

  it('turns a block into a warn when the policy makes that rule a warning', () => {
    const policy = {
      ...DEFAULT_DEVICE_POLICY,
      diagonalInches: { severity: 'warn' as const, min: 14, max: 16 },
    };
    const outcomes = evaluate(page(), host({ panels: [panelFrom('17.3')] }), policy);
    expect(rule(outcomes, 'diagonalInches')).toMatchObject({ status: 'warn', severity: 'warn' });
  });

  it('accepts a wider policy: scale 1.25 allowed, no touch required', () => {
    const policy = DevicePolicy.parse({
      ...DEFAULT_DEVICE_POLICY,
      scaleFactors: { severity: 'block', allowed: [1, 1.25] },
      touch: { severity: 'block', required: false },
    });
    const outcomes = evaluate(
      page({ screen: { width: 1536, height: 864 }, devicePixelRatio: 1.25, maxTouchPoints: 0 }),
      host(),
      policy,
    );
    expect(notPassing(outcomes)).toEqual([]);
  });
});

describe('the policy schema', () => {
  it('refuses a diagonal range whose minimum exceeds its maximum, and unknown severities', () => {
    expect(
      DevicePolicy.safeParse({
        ...DEFAULT_DEVICE_POLICY,
        diagonalInches: { severity: 'block', min: 16, max: 14 },
      }).success,
    ).toBe(false);
    expect(
      DevicePolicy.safeParse({ ...DEFAULT_DEVICE_POLICY, touch: { severity: 'maybe', required: true } })
        .success,
    ).toBe(false);
    expect(DevicePolicy.safeParse({ ...DEFAULT_DEVICE_POLICY, extra: 1 }).success).toBe(false);
    expect(DevicePolicy.parse(DEFAULT_DEVICE_POLICY)).toEqual(DEFAULT_DEVICE_POLICY);
  });

  it('is an optional test-definition field that defaults to the documented policy', () => {
    const definition = {
      schema: 'lbt.test-definition/1',
      id: 'lbt-2026',
      version: '1.0.0',
      title: 'LBT',
      items: ['i01'],
      practice: ['p01', 'p02', 'p03'],
      families: ['woorden-leren'],
      languages: ['nl'],
    };
    const parsed = TestDefinition.parse(definition);
    expect(parsed.devicePolicy).toBeUndefined();
    const policy = devicePolicyOf(parsed);
    expect(policy).toEqual(DEFAULT_DEVICE_POLICY);
    expect(policy.minResolution).toEqual({ severity: 'block', width: 1920, height: 1080 });
    expect(policy.scaleFactors.allowed).toEqual([1]);
    expect(policy.diagonalInches).toMatchObject({ min: 14, max: 16 });
    expect(policy.touch).toEqual({ severity: 'block', required: true });
    expect(policy.singleDisplay).toEqual({ severity: 'block', required: true });
    const custom = TestDefinition.parse({
      ...definition,
      devicePolicy: {
        ...DEFAULT_DEVICE_POLICY,
        version: '2.0.0',
        minResolution: { severity: 'warn', width: 1280, height: 800 },
      },
    });
    expect(devicePolicyOf(custom).minResolution.severity).toBe('warn');
    expect(TestDefinition.safeParse({ ...definition, devicePolicy: { version: '1.0.0' } }).success).toBe(
      false,
    );
  });
});
