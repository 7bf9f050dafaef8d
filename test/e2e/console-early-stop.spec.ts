import { expect, test, type Page } from '@playwright/test';
import { SignedResult } from '../../src/shared/result';
import { createUser } from '../../src/server/review/users';
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
import { AFNEMERS, consoleUrl, enrolledDataDir, GEMEENTE, startKiosk, startService } from './console/world';
import type { HostProcess } from './host-process';
import { logIn, openTab } from './review/page';

/**
 * Issue 16, items 6 and 8, as an afnemer meets them: Tigrinya has no spoken instructions, so the hand-over is
 * blocked until an interpreter is recorded; then a candidate who plainly does not understand the task is
 * stopped early after the first family, and the result is signed, delivered and scored over all 40 opgaven,
 * and the dashboard says the sitting was ended early.
 */
test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

const files = loadPackageFiles();
const ui = instructionsFor('ti').ui;
const REVIEWER = { username: 'consulent.utrecht', gemeente: GEMEENTE, role: 'consulent' } as const;
const PASSWORD = 'een-lang-wachtwoord-voor-de-test';
let service: RunningService;
let host: HostProcess;

test.beforeAll(async () => {
  service = await startService();
  await createUser(service.deps.db, service.deps.now(), { ...REVIEWER, password: PASSWORD });
  host = await startKiosk(await enrolledDataDir(service));
});

test.afterAll(async () => {
  await host?.stop();
  await service?.close();
});

async function overlayWithPin(page: Page) {
  await holdCorner(page);
  const overlay = page.getByTestId('afnemer-overlay');
  await expect(overlay).toBeVisible();
  await typePin(page, AFNEMERS.main.pin, overlay);
  await overlay.getByTestId('pin-submit').click();
  await expect(overlay.getByTestId('sitting-status')).toBeVisible();
  return overlay;
}

test('Tigrinya needs an interpreter; a sitting ended early keeps a signed, delivered, scored result', async ({
  page,
}) => {
  test.setTimeout(360_000);
  const finger = await Finger.on(page);
  await page.goto(consoleUrl(host));
  await login(page, AFNEMERS.main);
  await page.getByTestId('new-sitting').click();
  await expect(consoleScreen(page, 'setup')).toBeVisible();
  await page.getByTestId('to-device-check').click();
  await passDeviceCheck(page);
  await expect(page.getByTestId('device-summary')).toHaveAttribute('data-state', 'ready');

  // Tigrinya without an interpreter: the list says so, and the hand-over is blocked with the reason in Dutch.
  await fillSetup(page, 'KND202630', { language: 'ti' });
  await expect(page.getByTestId('language').locator('option[value="ti"]')).toContainText(
    'geen geluid: tolk nodig',
  );
  await expect(page.getByTestId('to-protocol')).toBeDisabled();
  await expect(page.getByTestId('setup-missing')).toContainText(
    'Voor deze instructietaal is er geen gesproken instructie. Zorg voor een tolk',
  );
  await checkScreen(page, 'setup-no-audio');
  // The host refuses the same request, whatever a page might send.
  const refused = await page.evaluate(() =>
    window.lbt.afnemer.startSession({
      candidateRef: 'KND202630',
      doelgroep: 'gezinsmigrant',
      language: 'ti',
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
  expect(refused.ok || refused.error.message).toContain('geen gesproken instructie');

  // An interpreter on the phone, in a language typed as its ISO 639 code; a name is refused kindly.
  await page
    .getByRole('radiogroup', { name: 'Tolk aanwezig' })
    .getByRole('radio', { name: 'Aan de telefoon' })
    .click();
  const code = page.getByLabel('Taal van de tolk (ISO 639-code)');
  await code.fill('Tigrinya');
  await expect(page.getByTestId('interpreter-language-hint')).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('interpreter-language-hint')).toContainText('geen taalcode');
  await expect(page.getByTestId('to-protocol')).toBeDisabled();
  await code.fill('ti');
  await expect(page.getByTestId('to-protocol')).toBeEnabled();
  await checkScreen(page, 'setup-interpreter');
  await page.getByTestId('to-protocol').click();
  await page.getByTestId('hand-over').click();
  await expect(page.locator('main[data-screen="welcome"]')).toBeVisible();

  // Practice, then the first family, whose size the package decides.
  const firstFamily = files.items.findIndex((item) => item.family !== files.items[0]!.family);
  const walk = { page, finger, files, ui, answerRight: (i: number) => i % 2 === 0 };
  await walkCandidate(walk, 1);
  // Half-way through the first family it is too early: the afnemer is told why and the sitting goes on.
  let overlay = await overlayWithPin(page);
  await overlay.getByTestId('to-end-early').click();
  await overlay.getByRole('radio', { name: 'De kandidaat begrijpt de opdracht niet' }).click();
  await overlay.getByRole('button', { name: 'Toets beëindigen' }).click();
  await expect(overlay).toContainText('Vroeg beëindigen kan pas na de oefeningen en de eerste reeks');
  await overlay.getByRole('button', { name: 'Terug', exact: true }).click();
  await overlay.getByRole('button', { name: 'Terug naar kandidaat' }).click();
  await expect(overlay).toHaveCount(0);

  await walkCandidate(walk, firstFamily);
  overlay = await overlayWithPin(page);
  await overlay.getByTestId('to-end-early').click();
  await overlay.getByRole('radio', { name: 'De kandidaat begrijpt de opdracht niet' }).click();
  await checkScreen(page, 'overlay-end-early');
  await overlay.getByRole('button', { name: 'Toets beëindigen' }).click();

  await expect(consoleScreen(page, 'close')).toBeVisible();
  await expect(page.getByTestId('sitting-ending')).toHaveText(
    'Vroeg beëindigd: de kandidaat begrijpt de opdracht niet',
  );
  await expect(page.getByTestId('answered-count')).toHaveText(`${firstFamily} van 40`);
  // The candidate's side is at the same end screen as after a full sitting (not the closed/aborted one).
  const view = await page.evaluate(() => window.lbt.session.state());
  expect(view.ok && view.value?.state).toMatchObject({ status: 'completed', phase: { kind: 'end' } });
  const sessionId = view.ok ? view.value!.state.session!.sessionId : '';
  await checkScreen(page, 'close-ended-early');
  await page.getByTestId('close-sitting').click();
  await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-state', 'delivered', {
    timeout: 30_000,
  });

  // At the service: signed, delivered, completed (not aborted), scored over all 40, the rest wrong.
  const row = await service.deps.db
    .selectFrom('results')
    .selectAll()
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const result = SignedResult.parse(JSON.parse(row.envelope)).payload;
  expect(row.status).toBe('completed');
  expect(row.ended_early).toBe('not-understood');
  expect(result.status).toBe('completed');
  expect(result.validity.endedEarly).toMatchObject({ reason: 'not-understood' });
  expect(result.timing.abort).toBeNull();
  expect(result.scoring.max).toBe(40);
  expect(result.scoring.unanswered).toBe(40 - firstFamily);
  const right = Array.from({ length: firstFamily }, (_, i) => i).filter(walk.answerRight).length;
  expect(result.scoring.raw).toBe(right);
  expect(row.raw).toBe(right);
  expect(result.scoring.outcome).not.toBeNull();
  expect(row.outcome).not.toBeNull();
  expect(result.items.slice(firstFamily).every((item) => !item.answered && !item.correct)).toBe(true);
  expect(result.afnamecondities.session.instruction).toEqual({
    interpreter: true,
    interpreterLanguage: 'ti',
    interpreterMode: 'phone',
    translationTool: false,
    language: 'ti',
    audioAvailable: false,
  });

  // The consulent's list says plainly that this sitting was ended early, and why (on the sheet).
  const dashboard = await page.context().newPage();
  await logIn(dashboard, service.url, REVIEWER.username, PASSWORD);
  await openTab(dashboard, 'Uitslagen en leerroute');
  const listed = dashboard.getByRole('table', { name: 'Uitslagen' }).getByRole('row', { name: /KND202630/ });
  await expect(listed.getByTestId('ended-early')).toHaveText('vroeg beëindigd');
  await listed.getByRole('link', { name: 'Uitslagblad van KND202630' }).click();
  await expect(dashboard.getByRole('main')).toContainText(
    'Vroeg beëindigd door de afnemer: de kandidaat begrijpt de opdracht niet',
  );
});
