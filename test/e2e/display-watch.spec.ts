import { expect, test, type Page } from '@playwright/test';
import type { RunningService } from '../../src/server/start';
import { loadPackageFiles } from './candidate/package-files';
import { instructionsFor } from './candidate/session';
import { Finger } from './candidate/touch';
import { consoleScreen, fillSetup, login, passDeviceCheck, walkCandidate } from './console/drive';
import { AFNEMERS, consoleUrl, enrolledDataDir, startKiosk, startService } from './console/world';
import type { HostProcess } from './host-process';
import { boundedNote, FULL_E2E } from './full-run';

/**
 * The conditions of the whole sitting (issue 16, point 10): a sitting started on a compliant 1920x1080 screen
 * whose window then shrinks to a 1366x768 laptop's is paused for the afnemer, and the change is in the result.
 */
test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

const files = loadPackageFiles();
const ui = instructionsFor('nl').ui;
let service: RunningService;
let host: HostProcess;

test.beforeAll(async () => {
  service = await startService();
  host = await startKiosk(await enrolledDataDir(service));
});

test.afterAll(async () => {
  await host?.stop();
  await service?.close();
});

async function handOver(page: Page, candidateRef: string, demo = false) {
  await page.getByTestId('new-sitting').click();
  await expect(consoleScreen(page, 'setup')).toBeVisible();
  const device = page.getByTestId('device-summary');
  // No device check stands in the way of a demonstration: the host says the device is not judged.
  if (demo) await expect(device).toHaveAttribute('data-state', 'ready');
  if ((await device.getAttribute('data-state')) !== 'ready') {
    await page.getByTestId('to-device-check').click();
    await passDeviceCheck(page);
    await expect(device).toHaveAttribute('data-state', 'ready');
  }
  await fillSetup(page, candidateRef);
  await page.getByTestId('to-protocol').click();
  await page.getByTestId('hand-over').click();
  await expect(page.locator('main[data-screen="welcome"]')).toBeVisible();
}

const sittingState = (page: Page) =>
  page.evaluate(async () => {
    const view = await window.lbt.session.state();
    return view.ok && view.value ? view.value.state : null;
  });

test('a window shrunk below the device policy mid-sitting pauses it, and the result lists the change', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const finger = await Finger.on(page);
  await page.goto(consoleUrl(host));
  await login(page, AFNEMERS.main);
  await handOver(page, 'KND202640');
  await walkCandidate({ page, finger, files, ui, answerRight: () => true }, 1);
  const state = await sittingState(page);
  expect(state?.status).toBe('active');

  // Mid-sitting the window becomes a 1366x768 laptop's: below the 1920x1080 the policy asks for.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect
    .poll(async () => (await sittingState(page))?.pause?.reason, { timeout: 15_000 })
    .toBe('display-changed');
  // The candidate sees the calm "call the afnemer" screen, as after any pause.
  await expect(page.locator('main[data-screen="paused"]')).toHaveCount(1);
  const paused = (await sittingState(page))!;
  expect(paused.incidents.filter((i) => i.kind === 'display-change')).toEqual([
    expect.objectContaining({
      source: 'page',
      measurement: { widthPx: 1366, heightPx: 768, scaleFactor: 1, displayCount: 1 },
      broken: ['minResolution'],
    }),
  ]);

  // The afnemer stops the sitting (a device that no longer meets the policy) and closes it with the PIN.
  const pin = AFNEMERS.main.pin;
  const sessionId = paused.session!.sessionId;
  const closed = await page.evaluate(async (p) => {
    const aborted = await window.lbt.afnemer.abort({ pin: p, reason: 'technical-failure' });
    const close = await window.lbt.afnemer.close({ pin: p });
    return { aborted: aborted.ok && aborted.value.outcome, close: close.ok && close.value.outcome };
  }, pin);
  expect(closed).toEqual({ aborted: 'ok', close: 'ok' });
  const stored = await page.evaluate((id) => window.lbt.result.get({ sessionId: id }), sessionId);
  const record = stored.ok ? stored.value!.payload : null;
  expect(record?.demo).toBe(false);
  expect(record?.validity).toMatchObject({ displayChanges: 1, displayOutOfPolicy: 1 });
  expect(record?.timing.pauses).toEqual([expect.objectContaining({ reason: 'display-changed' })]);
  expect(record?.afnamecondities.displayChanges).toEqual([
    expect.objectContaining({ measurement: expect.objectContaining({ widthPx: 1366, heightPx: 768 }) }),
  ]);
  // The conditions the sitting started on stay beside the change.
  expect(record?.afnamecondities.device?.facts.displays[0]?.physicalPixels).toEqual({
    width: 1920,
    height: 1080,
  });
});

/**
 * Try it on any laptop (issue 16, point 11): `--demo` on a 1366x768 window, which the device policy refuses for
 * a real sitting. The whole sitting runs, every screen carries the watermark, the result is signed and marked
 * demo, and the results service refuses it (it stays on the kiosk, counted nowhere). The bounded run walks the
 * first family (voorbeeld, opgave and their screens watermarked) and the afnemer then stops the sitting; the full
 * run walks all 40 items.
 */
test.describe('demo mode', () => {
  test.use({ viewport: { width: 1366, height: 768 }, hasTouch: true });
  let demoHost: HostProcess;

  test.beforeAll(async () => {
    demoHost = await startKiosk(await enrolledDataDir(service), undefined, ['--demo']);
  });
  test.afterAll(async () => demoHost?.stop());

  test('walks a sitting at 1366x768, watermarked, and its result is marked demo', async ({ page }) => {
    test.setTimeout(360_000);
    expect(demoHost.output.join('\n')).toContain('DEMO MODE');
    const finger = await Finger.on(page);
    const watermark = page.getByTestId('demo-watermark');
    await page.goto(consoleUrl(demoHost));
    await expect(watermark).toHaveText('demo — geen geldige afname');
    await login(page, AFNEMERS.main);
    await handOver(page, 'KND202641', true);
    await expect(watermark).toBeInViewport();
    const sessionId = (await sittingState(page))!.session!.sessionId;
    const secondFamily = files.items.findIndex((item) => item.family !== files.items[0]!.family);
    if (!FULL_E2E)
      boundedNote('display-watch: the demo sitting walks its first family, then the afnemer stops it');
    await walkCandidate(
      { page, finger, files, ui, answerRight: (i) => i % 2 === 0 },
      FULL_E2E ? null : secondFamily,
    );
    if (FULL_E2E) await expect(page.locator('main[data-screen="end"]')).toBeVisible();
    await expect(watermark).toBeInViewport();
    // The watermark never makes a screen scroll.
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);

    const closed = await page.evaluate(
      async ({ pin, stop }) => {
        if (stop) await window.lbt.afnemer.abort({ pin, reason: 'other' });
        const close = await window.lbt.afnemer.close({ pin });
        return close.ok && close.value.outcome;
      },
      { pin: AFNEMERS.main.pin, stop: !FULL_E2E },
    );
    expect(closed).toBe('ok');
    const stored = await page.evaluate((id) => window.lbt.result.get({ sessionId: id }), sessionId);
    const record = stored.ok ? stored.value!.payload : null;
    expect(record).toMatchObject({
      demo: true,
      status: FULL_E2E ? 'completed' : 'aborted',
      scoring: { max: 40 },
    });
    // Refused by the service with the reason, kept on the kiosk, never stored where a statistic could count it.
    await expect
      .poll(
        async () =>
          page.evaluate(async (id) => {
            const view = await window.lbt.outbox.list({});
            return view.ok ? (view.value.entries.find((e) => e.sessionId === id)?.lastError ?? '') : '';
          }, sessionId),
        { timeout: 30_000 },
      )
      .toContain('demonstratie');
    const row = await service.deps.db
      .selectFrom('results')
      .select('session_id')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
