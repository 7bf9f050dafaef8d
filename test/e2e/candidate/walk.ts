import { expect, type Locator, type Page } from '@playwright/test';
import type { Instructions, Response, Scene } from '../../../src/shared/items';
import { expectFitsViewport } from './fits';
import type { HostCalls } from './host-delay';
import { wrongAnswer, type PackageFiles } from './package-files';
import type { Finger } from './touch';

export interface Walk {
  page: Page;
  finger: Finger;
  files: PackageFiles;
  ui: Instructions['ui'];
  /** Whether to answer opgave `index` right. */
  answerRight: (index: number) => boolean;
  /** Called once per step, after the layout check (screenshots, axe). */
  onStep?: (screen: string, step: string) => Promise<void>;
  /** Practise a second round before starting the test. */
  repeatPractice?: boolean;
  /** Opgave index at which to tap "volgende" twice in quick succession. */
  doubleTapAt?: number;
  /** Opgave index at which the host is made slow and a second answer is tapped while the first is pending. */
  slowHostAt?: number;
  /** The page's calls, routed through the test (see host-delay.ts); needed for `slowHostAt`. */
  hostCalls?: HostCalls;
  /** Opgave index (an order item) at which a tile is first placed and taken back before answering. */
  takeBackAt?: number;
}

export interface WalkResult {
  answers: Map<string, Response>;
  right: number;
  steps: number;
}

const stepOf = (page: Page) => page.locator('main[data-step]').getAttribute('data-step');

async function nextStep(page: Page, previous: string): Promise<void> {
  await page.waitForFunction((prev) => {
    const step = document.querySelector('main[data-step]')?.getAttribute('data-step');
    return step !== undefined && step !== null && step !== prev;
  }, previous);
}

/** Gives `answer` on the task in front of the candidate: taps for choices, drags for tiles and tokens. */
export async function giveAnswer(walk: Walk, scene: Scene, answer: Response): Promise<void> {
  const task = walk.page.getByRole('region', { name: walk.ui['your-turn'] });
  if (answer.kind === 'choose') {
    await walk.finger.tap(task.locator(`[data-option-id="${answer.optionId}"]`));
  } else if (answer.kind === 'place') {
    await walk.finger.drag(
      task.locator('button.token'),
      task.locator(`[data-target-id="${answer.targetId}"]`),
    );
  } else {
    for (const [slot, id] of answer.sequence.entries()) {
      if (!id) continue;
      await walk.finger.drag(
        task.locator(`.tray [data-visual-id="${id}"]`),
        task.locator(`[data-drop-index="${slot}"]`),
      );
      await expect(task.locator(`[data-drop-index="${slot}"] [data-visual-id="${id}"]`)).toBeVisible();
    }
  }
  void scene;
}

function button(walk: Walk, key: keyof Instructions['ui']): Locator {
  return walk.page.getByRole('button', { name: walk.ui[key], exact: true });
}

/** Walks a whole sitting from the welcome screen to the end screen, checking the layout at every step. */
export async function walkSitting(walk: Walk): Promise<WalkResult> {
  const { page, files } = walk;
  const answers = new Map<string, Response>();
  let right = 0;
  let steps = 0;
  let repeated = false;
  const practiceTries = new Map<string, number>();
  await expect(page.locator('main[data-step]')).toBeVisible();

  for (;;) {
    const step = (await stepOf(page))!;
    const screen = step.split(':')[0]!;
    const id = step.split(':')[1]!;
    steps++;
    await expectFitsViewport(page);
    await walk.onStep?.(screen, step);
    const next = button(walk, 'next');

    if (screen === 'end') break;
    if (screen === 'welcome' || screen === 'family-instruction') {
      await expect(next).toBeEnabled();
      await walk.finger.tap(next);
      await nextStep(page, step);
    } else if (screen === 'practice') {
      const item = files.practice.find((p) => p.id === id)!;
      const tries = practiceTries.get(id) ?? 0;
      practiceTries.set(id, tries + 1);
      // First try of the first practice item is wrong, to see the gentle "try again".
      const wrongFirst = tries === 0 && id === files.practice[0]!.id;
      await giveAnswer(walk, item.opgave, wrongFirst ? wrongAnswer(item) : item.key);
      await expect(next).toBeEnabled();
      await walk.finger.tap(next);
      await expect(page.getByTestId('feedback')).toHaveAttribute(
        'data-feedback',
        wrongFirst ? 'try-again' : 'correct',
      );
      await expectFitsViewport(page);
      if (wrongFirst) {
        await walk.onStep?.('practice-feedback', step);
        continue; // answer again on the same item
      }
      await walk.finger.tap(next);
      await nextStep(page, step);
    } else if (screen === 'practice-done') {
      if (walk.repeatPractice && !repeated) {
        repeated = true;
        practiceTries.clear();
        await walk.finger.tap(button(walk, 'replay'));
      } else {
        await walk.finger.tap(next);
      }
      await nextStep(page, step);
    } else if (screen === 'voorbeeld') {
      const play = button(walk, 'play');
      await expect(play).toBeEnabled();
      await walk.finger.tap(play);
      await nextStep(page, step);
    } else if (screen === 'opgave') {
      const index = files.items.findIndex((item) => item.id === id);
      const item = files.items[index]!;
      const answer = walk.answerRight(index) ? item.key : wrongAnswer(item);
      if (walk.slowHostAt === index) await answerWhileHostIsSlow(walk, item, answer);
      else if (walk.takeBackAt === index) await takeBackThenAnswer(walk, item, answer);
      else await giveAnswer(walk, item.opgave, answer);
      answers.set(item.id, answer);
      if (walk.answerRight(index)) right++;
      await expect(next).toBeEnabled();
      if (walk.doubleTapAt === index) {
        const { x, y } = await walk.finger.centreOf(next);
        await page.touchscreen.tap(x, y);
        await page.touchscreen.tap(x, y);
      } else {
        await walk.finger.tap(next);
      }
      await nextStep(page, step);
    } else {
      throw new Error(`unexpected screen ${step}`);
    }
  }
  return { answers, right, steps };
}

/**
 * Makes every host call take 400 ms more, taps a wrong answer and then, while that call is pending, the
 * intended one: the second tap must be what the host ends up with.
 */
async function answerWhileHostIsSlow(walk: Walk, item: PackageFiles['items'][number], answer: Response) {
  const { page } = walk;
  if (!walk.hostCalls) throw new Error('slowHostAt needs the page calls routed (routeHostCalls)');
  walk.hostCalls.delay(400);
  const first = answer.kind === 'choose' ? wrongAnswer(item) : null;
  if (first && first.kind === 'choose' && answer.kind === 'choose') {
    const task = page.getByRole('region', { name: walk.ui['your-turn'] });
    await walk.finger.tap(task.locator(`[data-option-id="${first.optionId}"]`));
    await walk.finger.tap(task.locator(`[data-option-id="${answer.optionId}"]`));
    // Drawn at once, though the host has not answered the first tap yet.
    await expect(task.locator(`[data-option-id="${answer.optionId}"]`)).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  } else {
    await giveAnswer(walk, item.opgave, answer);
  }
  walk.hostCalls.delay(0);
}

/** Drags a tile into the last slot, takes it back with a tap (it returns to the tray), then answers. */
async function takeBackThenAnswer(walk: Walk, item: PackageFiles['items'][number], answer: Response) {
  const task = walk.page.getByRole('region', { name: walk.ui['your-turn'] });
  if (answer.kind !== 'order') throw new Error(`take-back is exercised on an order item, not ${item.id}`);
  const tile = answer.sequence[0]!;
  const last = answer.sequence.length - 1;
  await walk.finger.drag(
    task.locator(`.tray [data-visual-id="${tile}"]`),
    task.locator(`[data-drop-index="${last}"]`),
  );
  const placed = task.locator(`[data-drop-index="${last}"] [data-visual-id="${tile}"]`);
  await expect(placed).toBeVisible();
  await expect(button(walk, 'next')).toBeDisabled();
  await walk.finger.tap(placed);
  await expect(task.locator(`.tray [data-visual-id="${tile}"]`)).toBeVisible();
  await expect(task.locator(`[data-drop-index="${last}"] [data-visual-id]`)).toHaveCount(0);
  await giveAnswer(walk, item.opgave, answer);
}
