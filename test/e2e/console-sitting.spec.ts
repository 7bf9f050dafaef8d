import { expect, test, type Page } from '@playwright/test';
import { SignedResult } from '../../src/shared/result';
import type { RunningService } from '../../src/server/start';
import { loadPackageFiles } from './candidate/package-files';
import { instructionsFor } from './candidate/session';
import { Finger } from './candidate/touch';
import {
  checkScreen,
  consoleScreen,
  fillSetup,
  holdCorner,
  login,
  passDeviceCheck,
  typePin,
  walkCandidate,
} from './console/drive';
import { AFNEMERS, consoleUrl, enrolledDataDir, startKiosk, startService } from './console/world';
import type { HostProcess } from './host-process';

/**
 * A sitting run the way an afnemer runs it, against the real host and a real results service: set-up,
 * protocol, hand-over, a pause through the corner gesture, the close with its completeness check, and the
 * result delivered with a receipt the kiosk verified. Then a second sitting stopped early (`afgebroken`).
 */
test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
test.describe.configure({ mode: 'serial' });

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

async function storedAtService(sessionId: string) {
  const row = await service.deps.db
    .selectFrom('results')
    .selectAll()
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return row ? { row, result: SignedResult.parse(JSON.parse(row.envelope)) } : null;
}

async function runningSessionId(page: Page): Promise<string> {
  const view = await page.evaluate(() => window.lbt.session.state());
  if (!view.ok || !view.value?.state.session) throw new Error('no sitting');
  return view.value.state.session.sessionId;
}

/** From the start screen through set-up, protocol and hand-over to the candidate's first screen. */
async function startSitting(page: Page, candidateRef: string, shots: boolean) {
  await page.getByTestId('new-sitting').click();
  await expect(consoleScreen(page, 'setup')).toBeVisible();
  const device = page.getByTestId('device-summary');
  if ((await device.getAttribute('data-state')) !== 'ready') {
    await page.getByTestId('to-device-check').click();
    await passDeviceCheck(page);
    await expect(device).toHaveAttribute('data-state', 'ready');
  }
  // A name never fits the reference format; the afnemer sees why while typing.
  await fillSetup(page, 'JANSEN', { interpreter: true });
  await expect(page.getByTestId('candidate-ref-hint')).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('to-protocol')).toBeDisabled();
  await page.getByLabel('Kandidaatreferentie (geen naam)').fill(candidateRef.toLowerCase());
  await expect(page.getByLabel('Kandidaatreferentie (geen naam)')).toHaveValue(candidateRef);
  if (shots) await checkScreen(page, 'setup');
  await page.getByTestId('to-protocol').click();
  await expect(consoleScreen(page, 'protocol')).toBeVisible();
  await expect(page.getByTestId('protocol-text')).toContainText('Het is geen taaltoets');
  if (shots) await checkScreen(page, 'protocol');
  await page.getByTestId('hand-over').click();
  await expect(page.locator('main[data-screen="welcome"]')).toBeVisible();
}

test('a full sitting: set-up, hand-over, a pause that stops the clock, close, delivered with a receipt', async ({
  page,
}) => {
  test.setTimeout(360_000);
  const finger = await Finger.on(page);
  const walk = { page, finger, files, ui, answerRight: (i: number) => i % 3 !== 2 };
  await page.goto(consoleUrl(host));
  await login(page, AFNEMERS.main);
  await startSitting(page, 'KND202611', true);
  const sessionId = await runningSessionId(page);

  // Opgave 4 on screen; the afnemer holds the top-left corner for three seconds.
  await walkCandidate(walk, 3);
  const step = await page.locator('main[data-step]').getAttribute('data-step');
  await holdCorner(page);
  const overlay = page.getByTestId('afnemer-overlay');
  await expect(overlay).toBeVisible();
  await checkScreen(page, 'overlay-pin');
  await typePin(page, AFNEMERS.main.pin, overlay);
  await overlay.getByTestId('pin-submit').click();
  await expect(overlay.getByTestId('sitting-status')).toContainText('3 van 40');
  await overlay.getByRole('button', { name: 'Pauzeren' }).click();
  await overlay.getByRole('radio', { name: 'Storing in de ruimte (geluid, iemand komt binnen)' }).click();
  await overlay.getByRole('button', { name: 'Pauze starten' }).click();
  await expect(overlay.getByTestId('sitting-status')).toContainText('Gepauzeerd');
  // The host started the pause before it answered, so before this moment.
  const pausedSince = Date.now();
  await checkScreen(page, 'overlay-paused');
  // The candidate's screen shows the calm pause screen underneath.
  await expect(page.locator('main[data-screen="paused"]')).toHaveCount(1);
  // Paused for at least 1.5 s in all (asserted below; 50 ms to spare for timer rounding): the checks above
  // count towards it.
  await page.waitForTimeout(Math.max(0, pausedSince + 1550 - Date.now()));
  await overlay.getByRole('button', { name: 'Hervatten' }).click();
  await expect(overlay).toHaveCount(0);
  // Exactly where the candidate was, answers and all.
  await expect(page.locator('main[data-step]')).toHaveAttribute('data-step', step!);

  await walkCandidate(walk);
  await expect(page.locator('main[data-screen="end"]')).toBeVisible();
  await page.getByTestId('afnemer-unlock').click();
  await typePin(page, AFNEMERS.main.pin, overlay);
  await overlay.getByTestId('pin-submit').click();
  await overlay.getByTestId('to-close').click();

  await expect(consoleScreen(page, 'close')).toBeVisible();
  await expect(page.getByTestId('answered-count')).toHaveText('40 van 40');
  await expect(page.getByTestId('unanswered-count')).toHaveText('geen');
  await expect(page.getByTestId('incidents')).toContainText('Storing in de ruimte');
  await checkScreen(page, 'close');
  await page.getByTestId('close-sitting').click();
  await expect(consoleScreen(page, 'closed')).toBeVisible();
  await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-state', 'delivered', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('receipt')).toContainText('Ontvangstbewijs');
  // The score is the consulent's: not shown under the default policy.
  await expect(page.getByTestId('score')).toHaveCount(0);
  await checkScreen(page, 'closed');

  // At the service: the signed result, with the pause out of the test time.
  const stored = await storedAtService(sessionId);
  expect(stored?.row.status).toBe('completed');
  const timing = stored!.result.payload.timing;
  expect(timing.pauses).toEqual([expect.objectContaining({ reason: 'disturbance' })]);
  expect(timing.pausedMs).toBeGreaterThanOrEqual(1500);
  const span = Date.parse(timing.endedAt) - Date.parse(timing.openedAt);
  expect(timing.activeMs + timing.pausedMs + timing.interruptedMs).toBeLessThanOrEqual(span);
  expect(timing.activeMs).toBeLessThanOrEqual(span - timing.pausedMs);
  expect(stored!.result.payload.afnamecondities.session).toMatchObject({
    room: { quiet: true, groupSize: 2, headphones: true },
    instruction: {
      interpreter: true,
      interpreterLanguage: 'ar',
      interpreterMode: 'in-room',
      translationTool: false,
      language: 'nl',
      audioAvailable: true,
    },
    preparation: { kind: 'demo-vandaag' },
    intake: { moment: 'na-intake' },
  });
  expect(stored!.result.payload.candidateRef).toBe('KND202611');
  // The kiosk holds the same signed record.
  const local = await page.evaluate((id) => window.lbt.result.get({ sessionId: id }), sessionId);
  expect(local.ok && local.value?.payload.timing).toEqual(timing);

  await page.getByTestId('close-done').click();
  await expect(consoleScreen(page, 'start')).toBeVisible();
  await expect(page.getByTestId('outbox-status')).toContainText('0 wachten op verzending, 1 afgeleverd');
});

test('a sitting stopped with a reason is closed as afgebroken and still delivered', async ({ page }) => {
  const finger = await Finger.on(page);
  await page.goto(consoleUrl(host));
  // Still logged in on the host from the first sitting? Either way the afnemer lands on login or start.
  // Wait for one of the two first: a check made before the console has drawn would find neither.
  await expect(consoleScreen(page, 'login').or(consoleScreen(page, 'start'))).toBeVisible();
  if (await consoleScreen(page, 'login').isVisible()) await login(page, AFNEMERS.main);
  await expect(consoleScreen(page, 'start')).toBeVisible();
  await startSitting(page, 'KND202612', false);
  const sessionId = await runningSessionId(page);
  await walkCandidate({ page, finger, files, ui, answerRight: () => true }, 1);

  // The keyboard way in: Ctrl+Alt+A.
  await page.keyboard.press('Control+Alt+KeyA');
  const overlay = page.getByTestId('afnemer-overlay');
  await typePin(page, AFNEMERS.main.pin, overlay);
  await overlay.getByTestId('pin-submit').click();
  await overlay.getByRole('button', { name: 'Afbreken' }).click();
  await overlay.getByRole('radio', { name: 'De kandidaat is onwel' }).click();
  await checkScreen(page, 'overlay-abort');
  await overlay.getByRole('button', { name: 'Toets afbreken' }).click();

  await expect(consoleScreen(page, 'close')).toBeVisible();
  await expect(page.getByTestId('sitting-ending')).toHaveText('Afgebroken');
  await expect(page.getByTestId('answered-count')).toHaveText('1 van 40');
  await expect(page.getByTestId('incidents')).toContainText('De kandidaat is onwel');
  await page.getByTestId('close-sitting').click();
  await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-state', 'delivered', {
    timeout: 30_000,
  });
  const stored = await storedAtService(sessionId);
  expect(stored?.row.status).toBe('aborted');
  expect(stored!.result.payload.timing.abort).toMatchObject({ reason: 'candidate-unwell' });
});
