import { expect, test, type Page } from '@playwright/test';
import { SignedResult } from '../../src/shared/result';
import type { RunningService } from '../../src/server/start';
import { SHORT_IDLE_TIMES } from '../../src/shared/session/idle';
import { journalEvents } from './candidate/journal';
import { loadPackageFiles } from './candidate/package-files';
import { instructionsFor } from './candidate/session';
import { Finger } from './candidate/touch';
import { giveAnswer } from './candidate/walk';
import { consoleScreen, fillSetup, login, passDeviceCheck, typePin, walkCandidate } from './console/drive';
import { AFNEMERS, consoleUrl, enrolledDataDir, startKiosk, startService } from './console/world';
import type { HostProcess } from './host-process';

/**
 * Help before panic (issue 16, item 3), in a sitting the console runs with the idle times a hundred times shorter
 * (`idle=short`, test entry only): PLAY pulses on a quiet voorbeeld (and stands still with reduced motion), the
 * eye and then the hand appear on a quiet opgave, the long quiet spell is a journal event, the afnemer's overlay
 * says where the candidate is and how long they have been quiet, and the signed result counts the spell.
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

async function startSitting(page: Page) {
  await page.goto(consoleUrl(host).replace('?pace=fast', '?pace=fast&idle=short'));
  await login(page, AFNEMERS.main);
  await page.getByTestId('new-sitting').click();
  await expect(consoleScreen(page, 'setup')).toBeVisible();
  if ((await page.getByTestId('device-summary').getAttribute('data-state')) !== 'ready') {
    await page.getByTestId('to-device-check').click();
    await passDeviceCheck(page);
  }
  await fillSetup(page, 'KND202677');
  await page.getByTestId('to-protocol').click();
  await page.getByTestId('hand-over').click();
  await expect(page.locator('main[data-screen="welcome"]')).toBeVisible();
}

test('a quiet candidate: PLAY pulses, then the eye and the hand; the spell is journalled and in the result', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const finger = await Finger.on(page);
  await startSitting(page);
  const walk = { page, finger, files, ui, answerRight: () => true };

  // The first opgave, answered; then the second item's voorbeeld, left untouched.
  await walkCandidate(walk, 0);
  const first = files.items[0]!;
  const item = files.items[1]!;
  await giveAnswer(walk, first.opgave, first.key);
  await finger.tap(page.getByRole('button', { name: ui.next, exact: true }), { enabled: true });
  await expect(page.locator(`main[data-step="voorbeeld:${item.id}"]`)).toBeVisible();
  const play = page.getByRole('button', { name: ui.play, exact: true });
  await expect(play).toHaveClass(/is-inviting/);
  expect(await play.evaluate((e) => getComputedStyle(e).animationName)).toBe('invite');
  // With reduced motion it does not move; the ring says the same.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await play.evaluate((e) => getComputedStyle(e).animationName)).toBe('none');
  expect(await play.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');
  await page.emulateMedia({ reducedMotion: 'no-preference' });

  // PLAY: the hand demonstrates and the opgave opens. The hints come and go within a second or two at the
  // short times, so the page records each change as it happens rather than the test polling for it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { lbtHints: string[] }).lbtHints = seen;
    const now = () => {
      const step = document.querySelector('main[data-step]')?.getAttribute('data-step');
      const hint = document.querySelector('main [data-hint]')?.getAttribute('data-hint') ?? 'none';
      const eye = document.querySelector('[data-testid="watch-again"]')?.classList.contains('is-hinting');
      return `${step} ${hint}${eye ? ' eye-breathes' : ''}`;
    };
    new MutationObserver(() => {
      if (seen.at(-1) !== now()) seen.push(now());
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await finger.tap(play, { enabled: true });
  const opgave = page.locator(`main[data-step="opgave:${item.id}"]`);
  const watchAgain = page.getByRole('button', { name: ui.look, exact: true });
  await expect(opgave.locator('[data-hint="hand"]')).toBeVisible();
  // No hint at first, then the eye (and "watch again" breathes), then the hand.
  const hints = await page.evaluate(() => (window as unknown as { lbtHints: string[] }).lbtHints);
  expect(hints.filter((h) => h.startsWith('opgave:'))).toEqual([
    `opgave:${item.id} none`,
    `opgave:${item.id} eye eye-breathes`,
    `opgave:${item.id} hand eye-breathes`,
  ]);

  // The long spell reached the journal, stamped by the host, for this item.
  await expect
    .poll(async () =>
      (await journalEvents(host.dataDir)).filter((e) => e.type === 'candidate.idle' && e.itemId === item.id),
    )
    .toEqual([expect.objectContaining({ idleMs: SHORT_IDLE_TIMES.longIdleMs, at: expect.any(String) })]);

  // The afnemer looks (the keyboard way in: no touch on the candidate's screen).
  await page.keyboard.press('Control+Alt+KeyA');
  const overlay = page.getByTestId('afnemer-overlay');
  await typePin(page, AFNEMERS.main.pin, overlay);
  await overlay.getByTestId('pin-submit').click();
  await expect(overlay.getByTestId('candidate-where')).toHaveText(
    `Opgave 2 van 40, zelf doen (onderdeel "${item.family.replace(/-/g, ' ')}")`,
  );
  // The PIN typed on the overlay is not the candidate's touch: still quiet since before the overlay.
  await expect(overlay.getByTestId('candidate-quiet')).toHaveText(/^sinds (\d+ min )?\d+ s$/);
  const quietSeconds = async () =>
    Number(/(\d+) s$/.exec((await overlay.getByTestId('candidate-quiet').textContent()) ?? '')?.[1]);
  await expect.poll(quietSeconds).toBeGreaterThanOrEqual(3);
  await overlay.getByRole('button', { name: 'Terug naar kandidaat' }).click();
  await expect(overlay).toHaveCount(0);

  // A touch on the task: the hints go.
  await giveAnswer(walk, item.opgave, item.key);
  await expect(opgave.locator('[data-hint]')).toHaveCount(0);
  await expect(watchAgain).not.toHaveClass(/is-hinting/);

  // On to the next voorbeeld (a quiet voorbeeld is not journalled, so the count below stays), stopped there; the
  // result is signed and delivered with the spells counted.
  await finger.tap(page.getByRole('button', { name: ui.next, exact: true }), { enabled: true });
  await expect(page.locator(`main[data-step="voorbeeld:${files.items[2]!.id}"]`)).toBeVisible();
  const spells = (await journalEvents(host.dataDir)).filter((e) => e.type === 'candidate.idle').length;
  expect(spells).toBeGreaterThanOrEqual(1);
  const view = await page.evaluate(() => window.lbt.session.state());
  const sessionId = view.ok ? view.value?.state.session?.sessionId : undefined;
  await page.keyboard.press('Control+Alt+KeyA');
  await typePin(page, AFNEMERS.main.pin, overlay);
  await overlay.getByTestId('pin-submit').click();
  await overlay.getByRole('button', { name: 'Afbreken' }).click();
  await overlay.getByRole('radio', { name: 'De kandidaat kan niet verder' }).click();
  await overlay.getByRole('button', { name: 'Toets afbreken' }).click();
  await expect(consoleScreen(page, 'close')).toBeVisible();
  await expect(page.getByTestId('incidents')).toContainText(`niets aangeraakt bij opgave ${item.id}`);
  await page.getByTestId('close-sitting').click();
  await expect(page.getByTestId('delivery-state')).toHaveAttribute('data-state', 'delivered', {
    timeout: 30_000,
  });
  const row = await service.deps.db
    .selectFrom('results')
    .selectAll()
    .where('session_id', '=', sessionId!)
    .executeTakeFirstOrThrow();
  const result = SignedResult.parse(JSON.parse(row.envelope));
  expect(result.payload.validity.longIdles).toBe(spells);
});
