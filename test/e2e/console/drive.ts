import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { Response } from '../../../src/shared/items';
import { expectFitsViewport, waitForScreen } from '../candidate/fits';
import { wrongAnswer, type PackageFiles } from '../candidate/package-files';
import { expectAccessible } from '../candidate/session';
import { giveAnswer, type Walk } from '../candidate/walk';
import type { Finger } from '../candidate/touch';
import { SHOTS } from './world';

/** The console screen on display (`data-console-screen`). */
export const consoleScreen = (page: Page, name: string) => page.locator(`[data-console-screen="${name}"]`);

/** Every console screen: fits without scrolling, passes axe, and is saved as a test artefact. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await expectFitsViewport(page);
  // Nothing covers a control: a panel that overflows onto the buttons below fails here.
  const covered = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.console button, .console input, .console select')]
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return !top || !(element === top || element.contains(top));
      })
      .map((element) => element.getAttribute('aria-label') ?? element.textContent),
  );
  expect(covered, `controls covered by something else on ${name}`).toEqual([]);
  await expectAccessible(page, `console ${name}`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/console-${name}.png` });
}

export async function typePin(page: Page, pin: string, scope = page.getByTestId('pin-pad')): Promise<void> {
  for (const digit of pin) await scope.getByRole('button', { name: digit, exact: true }).click();
}

export async function login(page: Page, afnemer: { afnemerId: string; pin: string }): Promise<void> {
  await expect(consoleScreen(page, 'login')).toBeVisible();
  await page.getByLabel('Afnemernummer').fill(afnemer.afnemerId);
  await typePin(page, afnemer.pin);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

const CORNERS = ['linksboven', 'rechtsboven', 'linksonder', 'rechtsonder'];

/** The device check as the afnemer does it: four finger taps, the tone heard, the fit confirmed, start. */
export async function passDeviceCheck(page: Page): Promise<void> {
  await expect(page.getByTestId('device-check')).toBeVisible();
  await expect(page.getByTestId('rule-minResolution')).toBeVisible();
  for (const corner of CORNERS) await page.getByTestId(`touch-target-${corner}`).tap();
  await page.getByTestId('audio-play').click();
  await page.getByTestId('audio-heard').click();
  await page.getByTestId('fit-open').click();
  await page.getByTestId('fit-confirm').click();
  await page.getByTestId('start-session').click();
}

/**
 * The set-up screen filled in: conditions from the lists, the reference typed. Two candidates in the room, so the
 * headphones are ticked; an interpreter (Arabic, in the room) when asked; the instruction language `nl` unless
 * `language` names another.
 */
export async function fillSetup(
  page: Page,
  candidateRef: string,
  options: { interpreter?: boolean; language?: string } = {},
) {
  const chip = (group: string, name: string) =>
    page.getByRole('radiogroup', { name: group }).getByRole('radio', { name, exact: true });
  await page.getByLabel('Kandidaatreferentie (geen naam)').fill(candidateRef);
  await chip('Doelgroep', 'Gezinsmigrant').click();
  await chip('Rustige ruimte', 'Ja').click();
  await page.getByRole('button', { name: 'Eén meer' }).click();
  await page.getByRole('checkbox', { name: 'Koptelefoon op' }).click();
  await chip('Tolk aanwezig', options.interpreter ? 'In de ruimte' : 'Nee').click();
  if (options.interpreter) await page.getByLabel('Taal van de tolk (ISO 639-code)').fill('ar');
  await chip('Vertaalhulpmiddel gebruikt (bijv. Google Translate)', 'Nee').click();
  await page.getByLabel('Instructietaal').selectOption(options.language ?? 'nl');
  await chip('Voorbereiding', 'Demo vandaag').click();
  await chip('Moment ten opzichte van het intakegesprek', 'Na de intake').click();
}

/** Holds a finger in the top-left corner for `ms` (the afnemer's gesture), through the DevTools protocol. */
export async function holdCorner(page: Page, ms = 3300): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const point = [{ x: 8, y: 8, id: 7, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
  await page.waitForTimeout(ms);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/**
 * Walks the candidate's side from wherever it stands: practice answered right, then opgaven (right where
 * `answerRight` says so), and stops on the opgave with index `until` (before answering it) or at the end.
 * Each wait is on the exact condition the next touch needs, checked in the page every frame.
 */
export async function walkCandidate(
  walk: Pick<Walk, 'page' | 'finger' | 'files' | 'ui'> & { answerRight: (index: number) => boolean },
  until: number | null = null,
): Promise<Map<string, Response>> {
  const { page, files, finger } = walk;
  const answers = new Map<string, Response>();
  const next = page.getByRole('button', { name: walk.ui.next, exact: true });
  let step = (await waitForScreen(page, { stepOtherThan: null })).step!;
  for (;;) {
    const [screen, id] = step.split(':') as [string, string];
    if (screen === 'end') return answers;
    if (screen === 'practice') {
      const item = files.practice.find((p) => p.id === id)!;
      await giveAnswer(walk as Walk, item.opgave, item.key);
      await finger.tap(next, { enabled: true });
      await waitForScreen(page, { feedback: 'correct' });
      await finger.tap(next);
    } else if (screen === 'voorbeeld' || screen === 'practice-voorbeeld') {
      // Scored and practice voorbeelds alike: PLAY, the hand demonstrates, the opgave opens.
      await finger.tap(page.getByRole('button', { name: walk.ui.play, exact: true }), { enabled: true });
    } else if (screen === 'opgave') {
      const index = files.items.findIndex((item) => item.id === id);
      if (index === until) return answers;
      const item = files.items[index]!;
      const answer = walk.answerRight(index) ? item.key : wrongAnswer(item);
      await giveAnswer(walk as Walk, item.opgave, answer);
      answers.set(item.id, answer);
      await finger.tap(next, { enabled: true });
    } else if (screen === 'paused' || screen === 'closed') {
      throw new Error(`the candidate cannot go on: ${step}`);
    } else {
      await finger.tap(next, { enabled: true });
    }
    step = (await waitForScreen(page, { stepOtherThan: step, timeoutMs: 30_000 })).step!;
  }
}

export type { Finger, PackageFiles };
