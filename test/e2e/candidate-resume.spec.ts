import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPackageFiles } from './candidate/package-files';
import { giveAnswer, watchPracticeVoorbeeld } from './candidate/walk';
import { expectFitsViewport } from './candidate/fits';
import { instructionsFor, openCandidatePage } from './candidate/session';
import { Finger } from './candidate/touch';

const ui = instructionsFor('nl').ui;
const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

test.use({ viewport: { width: 1366, height: 768 }, hasTouch: true });

test('a reload mid-sitting re-attaches to the running sitting instead of starting over', async ({ page }) => {
  const host = await openCandidatePage(page, 'nl');
  try {
    const finger = await Finger.on(page);
    const first = loadPackageFiles().practice[0]!;
    await finger.tap(page.getByRole('button', { name: ui.next, exact: true }));
    // The first practice item opens on its voorbeeld: the candidate watches before answering.
    const watching = page.locator(`main[data-step="practice-voorbeeld:${first.id}"]`);
    await expect(watching).toBeVisible();
    const before = await page.evaluate(() => window.lbt.session.state());
    expect(before.ok && before.value?.state.phase).toMatchObject({
      kind: 'practice',
      index: 0,
      shown: false,
      voorbeeld: 'shown',
    });

    await page.reload();
    // Straight back on the practice voorbeeld: not the welcome screen, not a refusal.
    await expect(watching).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectFitsViewport(page);
    const after = await page.evaluate(() => window.lbt.session.state());
    expect(after.ok && after.value?.state.session?.sessionId).toBe(
      before.ok && before.value?.state.session?.sessionId,
    );

    // Watched to the end, the opgave opens, and a reload comes back to it.
    await watchPracticeVoorbeeld({ page, finger, ui }, first);
    const task = page.getByRole('region', { name: ui['your-turn'] });
    await expect(task).toBeVisible();
    await page.reload();
    await expect(task).toBeVisible();
    await expect(page.locator(`main[data-step="practice:${first.id}"]`)).toBeVisible();
    const opgave = await page.evaluate(() => window.lbt.session.state());
    expect(opgave.ok && opgave.value?.state.phase).toMatchObject({ shown: true, voorbeeld: 'demonstrated' });
  } finally {
    await host.stop();
  }
});

test('opening a second sitting while one runs is refused plainly, and the running one is untouched', async ({
  page,
}) => {
  const host = await openCandidatePage(page, 'nl');
  try {
    await expect(page.locator('main[data-screen="welcome"]')).toBeVisible();
    const before = await page.evaluate(() => window.lbt.session.state());
    const url = new URL(page.url());
    url.search = '?view=candidate&lang=ar&pace=fast';
    await page.goto(url.toString());
    // In Dutch, for the afnemer: the host's own reason.
    await expect(page.getByRole('alert')).toContainText('Er loopt al een sessie');
    await expectFitsViewport(page);
    const after = await page.evaluate(() => window.lbt.session.state());
    expect(after).toEqual(before);
  } finally {
    await host.stop();
  }
});

test('at the candidate pace the hand demonstrates the voorbeeld, the opgave opens alone, and the eye replays it full-screen', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const files = loadPackageFiles();
  const host = await openCandidatePage(page, 'nl');
  try {
    const finger = await Finger.on(page);
    const next = page.getByRole('button', { name: ui.next, exact: true });
    const walk = { page, finger, files, ui, answerRight: () => true };
    await finger.tap(next);
    for (const item of files.practice) {
      await watchPracticeVoorbeeld(walk, item);
      await expect(page.locator(`main[data-step="practice:${item.id}"]`)).toBeVisible();
      await giveAnswer(walk, item.opgave, item.key);
      await finger.tap(next);
      await expect(page.getByTestId('feedback')).toBeVisible();
      await finger.tap(next);
    }
    await expect(page.locator('main[data-screen="practice-done"]')).toBeVisible();
    await finger.tap(next);
    await expect(page.locator('main[data-screen="family-instruction"]')).toBeVisible();
    await expect(next).toBeEnabled();
    await finger.tap(next);
    await expect(page.locator('main[data-screen="voorbeeld"]')).toBeVisible();

    // The same sitting at the candidate's own pace (no test shortcut): sounds play out, the hand moves.
    const url = new URL(page.url());
    url.searchParams.delete('pace');
    await page.goto(url.toString());
    await expect(page.locator('main[data-screen="voorbeeld"]')).toBeVisible();
    await finger.tap(page.getByRole('button', { name: ui.play, exact: true }));
    await expect(page.locator('.demo-stage .hand:not(.is-hidden) .hand-icon')).toBeVisible({
      timeout: 30_000,
    });
    await page.waitForTimeout(500);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/candidate-voorbeeld-hand.png` });
    // Once demonstrated, the opgave opens alone: no example beside the task, the eye under PLAY.
    const opgave = page.locator('main[data-screen="opgave"]');
    await expect(opgave).toBeVisible({ timeout: 60_000 });
    await expect(opgave.locator('.demo-stage, .scene-small')).toHaveCount(0);
    await expect(opgave.locator('.scene')).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/candidate-opgave-alone.png` });
    // "Watch again": the voorbeeld full-screen again, sound and hand, then back to the opgave.
    const step = await opgave.getAttribute('data-step');
    await finger.tap(page.getByRole('button', { name: ui.look, exact: true }));
    const replay = page.locator(`main[data-step="voorbeeld:${step!.split(':')[1]}"]`);
    await expect(replay.locator('.demo-stage .hand:not(.is-hidden) .hand-icon')).toBeVisible({
      timeout: 30_000,
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/candidate-watch-again.png` });
    await expect(page.locator(`main[data-step="${step}"]`)).toBeVisible({ timeout: 60_000 });
  } finally {
    await host.stop();
  }
});
