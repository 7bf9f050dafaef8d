import { expect, test } from '@playwright/test';
import type { RunningService } from '../../src/server/start';
import { loadPackageFiles } from './candidate/package-files';
import { instructionsFor } from './candidate/session';
import { Finger } from './candidate/touch';
import {
  checkScreen,
  consoleScreen,
  fillSetup,
  login,
  passDeviceCheck,
  typePin,
  walkCandidate,
} from './console/drive';
import { AFNEMERS, consoleUrl, enrolledDataDir, startKiosk, startService } from './console/world';
import type { HostProcess } from './host-process';

/**
 * The crash an afnemer fears most: the kiosk dies at opgave 17. After a restart the console lists the open
 * sitting; login, the device check and the PIN put the candidate back on opgave 17 with answers 1-16 intact.
 */
test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

const files = loadPackageFiles();
const ui = instructionsFor('nl').ui;
let service: RunningService;
let host: HostProcess | undefined;

test.beforeAll(async () => {
  service = await startService();
});

test.afterAll(async () => {
  await host?.stop();
  await service?.close();
});

test('host killed at opgave 17: restart, PIN, and the candidate is back on opgave 17 with 1-16 intact', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dataDir = await enrolledDataDir(service);
  host = await startKiosk(dataDir);
  const finger = await Finger.on(page);
  await page.goto(consoleUrl(host));
  await login(page, AFNEMERS.main);
  await page.getByTestId('new-sitting').click();
  await page.getByTestId('to-device-check').click();
  await passDeviceCheck(page);
  await fillSetup(page, 'KND202617');
  await page.getByTestId('to-protocol').click();
  await page.getByTestId('hand-over').click();

  const answers = await walkCandidate({ page, finger, files, ui, answerRight: (i) => i % 4 !== 1 }, 16);
  expect(answers.size).toBe(16);
  const item17 = files.items[16]!.id;
  await expect(page.locator('main[data-step]')).toHaveAttribute('data-step', `opgave:${item17}`);

  await host.stop('SIGKILL');
  host = await startKiosk(dataDir);
  await page.goto(consoleUrl(host));
  // Held for the afnemer: the console does not drop the candidate back into the test on its own.
  await login(page, AFNEMERS.main);
  const open = page.getByTestId('open-session');
  await expect(open).toContainText('KND202617');
  await expect(open).toContainText('bij opgave 17 van 40');
  await checkScreen(page, 'start-open-session');
  await open.getByRole('button', { name: 'Hervatten: KND202617' }).click();
  // The restart lost this run's device record: check the laptop again first.
  await passDeviceCheck(page);
  await expect(consoleScreen(page, 'resume')).toBeVisible();
  await checkScreen(page, 'resume');
  await typePin(page, '99999');
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('resume-error')).toContainText('Onjuiste pincode');
  await typePin(page, AFNEMERS.main.pin);
  await page.getByTestId('pin-submit').click();

  await expect(page.locator('main[data-step]')).toHaveAttribute('data-step', `opgave:${item17}`);
  const view = await page.evaluate(() => window.lbt.session.state());
  if (!view.ok || !view.value) throw new Error('no sitting after resume');
  const { state } = view.value;
  expect(state.status).toBe('active');
  files.items.slice(0, 16).forEach((item, i) => {
    expect(state.items[i]!.committed, `answer ${i + 1}`).toEqual(answers.get(item.id));
  });
  expect(state.items[16]!.committed).toBeNull();
  expect(state.incidents.some((incident) => incident.kind === 'interruption')).toBe(true);
  // The hold is the kiosk's own pause, never listed as if the afnemer had chosen "technisch probleem".
  const pauses = state.incidents.filter((incident) => incident.kind === 'pause');
  expect(pauses.map((pause) => pause.kind === 'pause' && pause.reason)).toEqual(['host-restart']);
});
