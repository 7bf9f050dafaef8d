import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPackageFiles } from './candidate/package-files';
import { expectAccessible, instructionsFor, openCandidatePage } from './candidate/session';
import { expectFitsViewport } from './candidate/fits';
import { Finger } from './candidate/touch';
import { giveAnswer, watchPracticeVoorbeeld } from './candidate/walk';

/**
 * Instruction languages: Arabic, Farsi and Pashto text runs right to left while the screens keep the one layout of
 * every language (candidate-same-stimulus.spec.ts measures it), every control is named in the language, and
 * the bundled Noto fonts render the script (nothing depends on the machine's fonts).
 */
const files = loadPackageFiles();
const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

test.use({ viewport: { width: 1366, height: 768 }, hasTouch: true });

for (const language of ['ar', 'fa', 'ti', 'ps', 'so'] as const) {
  test(`the sitting in ${language}: layout direction, names and fonts`, async ({ page }) => {
    const instructions = instructionsFor(language);
    const host = await openCandidatePage(page, language);
    try {
      const ui = instructions.ui;
      const canvas = page.locator('.canvas');
      await expect(canvas).toHaveAttribute('dir', 'ltr');
      await expect(canvas).toHaveAttribute('data-text-dir', instructions.direction);
      await expect(canvas).toHaveAttribute('lang', language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { name: instructions.texts.welcome.text })).toBeVisible();
      await expect(page.getByRole('button', { name: ui.play, exact: true })).toBeVisible();
      await expectFitsViewport(page);
      await expectAccessible(page, `welcome (${language})`);
      const script =
        language === 'ti' ? 'Noto Sans Ethiopic' : language === 'so' ? 'Noto Sans' : 'Noto Sans Arabic';
      // The script's face was fetched from our own bundle and is in use (fonts load only when text needs them).
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.fonts]
              .filter((f) => f.status === 'loaded')
              .map((f) => f.family)
              .join(','),
          ),
        )
        .toContain(script);

      // Into the first practice item: the controls keep their place, not mirrored for right-to-left.
      const finger = await Finger.on(page);
      await finger.tap(page.getByRole('button', { name: ui.next, exact: true }));
      const item = files.practice[0]!;
      await watchPracticeVoorbeeld({ page, finger, ui }, item);
      const task = page.getByRole('region', { name: ui['your-turn'] });
      await expect(task).toBeVisible();
      const play = await page.getByRole('button', { name: ui.play, exact: true }).boundingBox();
      const next = await page.getByRole('button', { name: ui.next, exact: true }).boundingBox();
      expect(play!.x).toBeLessThan(next!.x);
      if (item.voorbeeld) {
        // "Watch again" sits under PLAY.
        const eye = await page.getByRole('button', { name: ui.look, exact: true }).boundingBox();
        expect(Math.abs(eye!.x - play!.x)).toBeLessThan(play!.width);
        expect(eye!.y).toBeGreaterThan(play!.y + play!.height);
      }
      await giveAnswer({ page, finger, files, ui, answerRight: () => true }, item.opgave, item.key);
      await finger.tap(page.getByRole('button', { name: ui.next, exact: true }));
      await expect(page.getByRole('status', { name: ui.correct })).toBeVisible();
      await expectFitsViewport(page);
      await expectAccessible(page, `practice feedback (${language})`);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/candidate-practice-feedback-${language}.png` });
    } finally {
      await host.stop();
    }
  });
}
