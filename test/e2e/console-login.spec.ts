import { expect, test } from '@playwright/test';
import type { RunningService } from '../../src/server/start';
import { checkScreen, consoleScreen, fillSetup, login } from './console/drive';
import {
  AFNEMERS,
  BLOCKED_FACTS,
  consoleUrl,
  enrolledDataDir,
  startKiosk,
  startService,
} from './console/world';
import type { HostProcess } from './host-process';

/**
 * The console's door: login against the roster the real results service signed, refusals in plain Dutch,
 * the lockout that survives a restart, and a device check that stops the set-up. On the smaller of the two
 * laptop screens the console is designed for (1366x768), where nothing may scroll.
 */
test.use({ viewport: { width: 1366, height: 768 }, hasTouch: true });

let service: RunningService;
let dataDir: string;
let host: HostProcess;

test.beforeAll(async () => {
  service = await startService();
  dataDir = await enrolledDataDir(service);
  host = await startKiosk(dataDir);
});

test.afterAll(async () => {
  await host?.stop();
  await service?.close();
});

test('a certified afnemer logs in offline and sees the start screen and the outbox', async ({ page }) => {
  await page.goto(consoleUrl(host));
  await expect(consoleScreen(page, 'login')).toBeVisible();
  await checkScreen(page, 'login');
  await login(page, AFNEMERS.main);
  await expect(consoleScreen(page, 'start')).toBeVisible();
  await expect(page.getByRole('heading', { name: `Welkom, ${AFNEMERS.main.name}` })).toBeVisible();
  await expect(page.getByTestId('open-sessions')).toContainText('Er is geen onderbroken sessie.');
  await expect(page.getByTestId('outbox-status')).toContainText('Nog geen resultaten');
  await checkScreen(page, 'start');

  await page.getByTestId('to-outbox').click();
  await expect(consoleScreen(page, 'outbox')).toBeVisible();
  await expect(page.getByTestId('outbox-summary')).toContainText(service.url);
  await checkScreen(page, 'outbox');
  await page.getByRole('button', { name: 'Terug' }).click();
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(consoleScreen(page, 'login')).toBeVisible();
  // Signed out on the host too, not just on the page.
  const status = await page.evaluate(() => window.lbt.afnemer.status());
  expect(status.ok && status.value.afnemer).toBeNull();
});

test('an unknown id and an expired certificate are refused, each with its own reason', async ({ page }) => {
  await page.goto(consoleUrl(host));
  await login(page, { afnemerId: 'AFN-99999', pin: '12345' });
  await expect(page.getByTestId('login-refusal')).toContainText('staat niet op de lijst');
  await login(page, AFNEMERS.expired);
  await expect(page.getByTestId('login-refusal')).toHaveText(
    'Het certificaat van deze toetsafnemer is verlopen op 30 juni 2024. Laat het certificaat verlengen.',
  );
  await expect(consoleScreen(page, 'login')).toBeVisible();
  await checkScreen(page, 'login-expired');
});

test('five wrong PINs lock the id, the right PIN does not open it, and a restart keeps it locked', async ({
  page,
}) => {
  const { afnemerId } = AFNEMERS.locked;
  await page.goto(consoleUrl(host));
  for (const left of [4, 3, 2, 1]) {
    await login(page, { afnemerId, pin: '99999' });
    await expect(page.getByTestId('login-refusal')).toContainText(`Nog ${left} poging`);
  }
  await login(page, { afnemerId, pin: '99999' });
  await expect(page.getByTestId('login-refusal')).toContainText('geblokkeerd tot');
  await login(page, AFNEMERS.locked);
  await expect(page.getByTestId('login-refusal')).toContainText('geblokkeerd tot');
  await checkScreen(page, 'login-locked');

  await host.stop();
  host = await startKiosk(dataDir);
  await page.goto(consoleUrl(host));
  await login(page, AFNEMERS.locked);
  await expect(page.getByTestId('login-refusal')).toContainText('geblokkeerd tot');
  await expect(consoleScreen(page, 'login')).toBeVisible();
  // Another afnemer on the same kiosk is not affected.
  await login(page, AFNEMERS.main);
  await expect(consoleScreen(page, 'start')).toBeVisible();
});

test('a device check with a blocked rule stops the set-up before the protocol', async ({ page }) => {
  const blockedHost = await startKiosk(await enrolledDataDir(service), BLOCKED_FACTS);
  try {
    await page.goto(consoleUrl(blockedHost));
    await login(page, AFNEMERS.main);
    await page.getByTestId('new-sitting').click();
    await expect(consoleScreen(page, 'setup')).toBeVisible();
    await fillSetup(page, 'KND20417', { interpreter: true });
    await expect(page.getByTestId('to-protocol')).toBeDisabled();
    await page.getByTestId('to-device-check').click();
    await expect(page.getByTestId('rule-singleDisplay')).toHaveAttribute('data-status', 'block');
    await expect(page.getByTestId('start-session')).toBeDisabled();
    await page.getByRole('button', { name: 'Terug naar de console' }).click();

    await expect(consoleScreen(page, 'setup')).toBeVisible();
    await expect(page.getByTestId('device-summary')).toHaveAttribute('data-state', 'blocked');
    await expect(page.getByTestId('device-summary').locator('[data-rule="singleDisplay"]')).toContainText(
      'beeldschermen',
    );
    await expect(page.getByTestId('to-protocol')).toBeDisabled();
    await expect(page.getByTestId('setup-missing')).toContainText('Eerst het apparaat goedkeuren');
    await checkScreen(page, 'setup-blocked');
    // The host refuses too, whatever a page might send.
    const refused = await page.evaluate(() =>
      window.lbt.afnemer.startSession({
        candidateRef: 'KND20417',
        doelgroep: 'gezinsmigrant',
        language: 'nl',
        checklist: {
          roomQuiet: true,
          groupSize: 1,
          interpreterPresent: false,
          translationTool: false,
          preparation: 'geen',
          intakeMoment: 'na-intake',
        },
      }),
    );
    expect(refused.ok).toBe(false);
  } finally {
    await blockedHost.stop();
  }
});
