import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from './host-process';

/**
 * The afnemer's device check in the Chromium host. The host's own facts (EDID panel, battery, disk, kiosk
 * account) come from LBT_DEVICE_FACTS_FILE, describing a compliant 15.6-inch laptop; the page's facts come
 * from the browser Playwright emulates (viewport, touch), so each test varies only what the page sees.
 */
const COMPLIANT_HOST = {
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

let host: HostProcess;

test.beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'lbt-facts-')), 'host-facts.json');
  writeFileSync(file, JSON.stringify(COMPLIANT_HOST));
  host = await startHostProcess({ env: { LBT_DEVICE_FACTS_FILE: file } });
});

test.afterAll(async () => {
  await host?.stop();
});

async function openDeviceCheck(
  browser: Browser,
  options: { width: number; height: number; hasTouch: boolean },
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    screen: { width: options.width, height: options.height },
    deviceScaleFactor: 1,
    hasTouch: options.hasTouch,
  });
  const page = await context.newPage();
  await page.goto(host.launchUrl.replace('/kiosk/#', '/kiosk/?view=device-check#'));
  await expect(page.getByTestId('device-check')).toBeVisible();
  await expect(page.getByTestId('rule-minResolution')).toBeVisible();
  return page;
}

const CORNERS = ['linksboven', 'rechtsboven', 'linksonder', 'rechtsonder'];

test('a 1366x768 screen without touch cannot start a session and the afnemer sees why, in Dutch', async ({
  browser,
}) => {
  const page = await openDeviceCheck(browser, { width: 1366, height: 768, hasTouch: false });
  await expect(page.getByTestId('rule-minResolution')).toHaveAttribute('data-status', 'block');
  await expect(page.getByTestId('rule-touch')).toHaveAttribute('data-status', 'block');
  await expect(page.getByTestId('device-verdict')).toHaveText(
    'Dit apparaat voldoet niet aan 2 regels: de sessie kan niet starten.',
  );
  await expect(page.getByTestId('rule-diagonalInches')).toHaveAttribute('data-status', 'pass');
  const reasons = page.getByTestId('start-reasons');
  await expect(reasons).toContainText(
    'Het scherm is 1366×768; minimaal 1920×1080 is nodig zodat alles zonder scrollen zichtbaar is.',
  );
  await expect(reasons).toContainText('geen aanraakscherm');
  await expect(page.getByTestId('start-session')).toBeDisabled();
  // The host refuses too, even if the page were to ask directly with every test passed.
  const refused = await page.evaluate(() => {
    const passed = { status: 'passed', at: new Date().toISOString(), detail: null } as const;
    return window.lbt.device.confirm({
      checks: { touch: passed, audio: passed, fit: passed },
      confirmations: [],
    });
  });
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'rejected', message: expect.stringContaining('1366×768') },
  });
  await page.context().close();
});

test('the touch test counts finger taps only, never mouse clicks', async ({ browser }) => {
  const page = await openDeviceCheck(browser, { width: 1920, height: 1080, hasTouch: true });
  for (const corner of CORNERS) await page.getByTestId(`touch-target-${corner}`).click();
  await expect(page.getByTestId('touch-count')).toHaveText('0 van 4 aangetikt');
  await expect(page.getByTestId('touch-ignored')).toContainText('4 keer met muis of pen');
  await expect(page.getByTestId('check-touch')).toHaveAttribute('data-status', 'not-run');
  for (const corner of CORNERS) await page.getByTestId(`touch-target-${corner}`).tap();
  await expect(page.getByTestId('touch-count')).toHaveText('4 van 4 aangetikt');
  await expect(page.getByTestId('check-touch')).toHaveAttribute('data-status', 'passed');
  await page.context().close();
});

test('without a touchscreen the touch test cannot pass by clicking', async ({ browser }) => {
  const page = await openDeviceCheck(browser, { width: 1920, height: 1080, hasTouch: false });
  for (const corner of CORNERS) await page.getByTestId(`touch-target-${corner}`).click();
  await expect(page.getByTestId('touch-count')).toHaveText('0 van 4 aangetikt');
  await expect(page.getByTestId('check-touch')).toHaveAttribute('data-status', 'not-run');
  await page.context().close();
});

test('a compliant 1920x1080 touch laptop passes every rule and test and records the conditions', async ({
  browser,
}) => {
  const page = await openDeviceCheck(browser, { width: 1920, height: 1080, hasTouch: true });
  for (const rule of [
    'minResolution',
    'scaleFactors',
    'diagonalInches',
    'touch',
    'singleDisplay',
    'battery',
    'freeDisk',
    'kioskAccount',
  ])
    await expect(page.getByTestId(`rule-${rule}`)).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('start-session')).toBeDisabled();
  await expect(page.getByTestId('start-reasons')).toContainText('Doe eerst de aanraaktest.');

  for (const corner of CORNERS) await page.getByTestId(`touch-target-${corner}`).tap();
  await page.getByTestId('audio-play').click();
  await page.getByTestId('audio-heard').click();
  await page.getByTestId('fit-open').click();
  await expect(page.getByTestId('fit-measurement')).toHaveText(
    'Het hele toetsbeeld past op het scherm (108%).',
  );
  for (const corner of CORNERS)
    await expect(page.getByTestId(`fit-corner-${corner}`)).toBeInViewport({ ratio: 1 });
  await page.getByTestId('fit-confirm').click();

  for (const check of ['touch', 'audio', 'fit'])
    await expect(page.getByTestId(`check-${check}`)).toHaveAttribute('data-status', 'passed');
  await expect(page.getByTestId('start-reasons')).toHaveCount(0);
  await page.getByTestId('start-session').click();
  await expect(page.getByTestId('device-confirmed')).toBeVisible();

  // The recorded device conditions hold the merged facts and the check outcomes.
  const record = await page.evaluate(async () => {
    const passed = { status: 'passed', at: new Date().toISOString(), detail: 'e2e' } as const;
    return window.lbt.device.confirm({
      checks: { touch: passed, audio: passed, fit: passed },
      confirmations: [],
    });
  });
  expect(record).toMatchObject({
    ok: true,
    value: {
      schema: 'lbt.device-conditions/1',
      policyVersion: '1.0.0',
      facts: {
        shell: 'chromium',
        displays: [
          {
            physicalPixels: { width: 1920, height: 1080 },
            scaleFactor: 1,
            touch: 'available',
            diagonalInches: 15.6,
          },
        ],
        kioskAccount: { detected: true },
      },
      checks: { touch: { status: 'passed' }, audio: { status: 'passed' }, fit: { status: 'passed' } },
    },
  });
  await page.context().close();
});
