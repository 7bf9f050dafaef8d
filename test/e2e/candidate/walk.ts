import { expect, type Locator, type Page } from '@playwright/test';
import type { Instructions, Response, Scene } from '../../../src/shared/items';
import { expectScreenFits } from './fits';
import type { SlowHost } from './host-delay';
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
  /** The host, held still on request (see host-delay.ts); needed for `slowHostAt`. */
  slowHost?: SlowHost;
  /** Opgave index (an order item) at which a tile is first placed and taken back before answering. */
  takeBackAt?: number;
  /**
   * Opgave indexes at which "watch again" is tapped with the answer half given (the first tile placed, or the
   * whole answer where it is one tap or drag): the voorbeeld replays full-screen and the opgave comes back with
   * the answer as it was.
   */
  watchAgainAt?: number[];
  /** The step (`screen:id`) to stop at, once `onStep` has run there: a walk to one item, not to the end. */
  until?: string;
}

export interface WalkResult {
  answers: Map<string, Response>;
  right: number;
  steps: number;
}

const yourTurn = (walk: Pick<Walk, 'page' | 'ui'>) =>
  walk.page.getByRole('region', { name: walk.ui['your-turn'] });
const tile = (id: string) => `.tray [data-visual-id="${id}"]`;
const slot = (index: number) => `[data-drop-index="${index}"]`;
const placed = (index: number, id: string) => `${slot(index)} [data-visual-id="${id}"]`;

/**
 * Gives `answer` on the task in front of the candidate: taps for choices, drags for tiles and tokens.
 * Each tile must show in its slot before the next is dragged.
 */
export async function giveAnswer(
  walk: Walk,
  scene: Scene,
  answer: Response,
  /** For an order answer: only its tiles from `from` up to (not including) `to`. */
  part: { from?: number; to?: number } = {},
): Promise<void> {
  const task = yourTurn(walk);
  const { finger } = walk;
  if (answer.kind === 'choose') {
    await finger.tap(task.locator(`[data-option-id="${answer.optionId}"]`));
  } else if (answer.kind === 'place') {
    const [from, to] = await finger.centresIn(task, [
      'button.token',
      `[data-target-id="${answer.targetId}"]`,
    ]);
    await finger.dragBetween(from!, to!);
  } else {
    for (const [index, id] of answer.sequence.entries()) {
      if (!id || index < (part.from ?? 0) || index >= (part.to ?? Infinity)) continue;
      const [from, to] = await finger.centresIn(task, [tile(id), slot(index)]);
      await finger.dragBetween(from!, to!);
      await finger.centresIn(task, [placed(index, id)]);
    }
  }
  void scene;
}

function button(walk: Pick<Walk, 'page' | 'ui'>, key: keyof Instructions['ui']): Locator {
  return walk.page.getByRole('button', { name: walk.ui[key], exact: true });
}

/**
 * On a practice item with a voorbeeld: watch it (PLAY, the hand demonstrates) until its opgave opens.
 * Nothing to do for an item without one.
 */
export async function watchPracticeVoorbeeld(
  walk: Pick<Walk, 'page' | 'ui' | 'finger'>,
  item: PackageFiles['practice'][number],
): Promise<void> {
  if (!item.voorbeeld) return;
  const { page, finger } = walk;
  await expect(page.locator(`main[data-step="practice-voorbeeld:${item.id}"]`)).toBeVisible();
  await finger.tap(button(walk, 'play'), { enabled: true });
  await expect(page.locator(`main[data-step="practice:${item.id}"]`)).toBeVisible({ timeout: 30_000 });
}

/**
 * "Watch again" on an opgave (practice or scored): the voorbeeld plays full-screen by itself and the opgave comes
 * back with the answer (and any feedback) as it was. At the test pace the replay is over within a few frames, so
 * the screens it passes through are recorded in the page rather than polled for.
 */
export async function watchAgain(
  walk: Pick<Walk, 'page' | 'ui' | 'finger'>,
  step: string,
  feedback?: string,
): Promise<void> {
  const { page } = walk;
  const [screen, id] = step.split(':') as [string, string];
  const replay = screen === 'practice' ? 'practice-voorbeeld' : 'voorbeeld';
  await page.evaluate(() => {
    const seen = [document.querySelector('main[data-step]')!.getAttribute('data-step')!];
    (window as unknown as { lbtSteps: string[] }).lbtSteps = seen;
    new MutationObserver(() => {
      const now = document.querySelector('main[data-step]')?.getAttribute('data-step');
      if (now && seen[seen.length - 1] !== now) seen.push(now);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await walk.finger.tap(button(walk, 'look'));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { lbtSteps: string[] }).lbtSteps), {
      timeout: 30_000,
    })
    .toEqual([step, `${replay}:${id}`, step]);
  await expectScreenFits(page, feedback === undefined ? {} : { feedback });
}

/**
 * Walks a whole sitting from the welcome screen to the end screen, checking the layout at every step.
 * Every wait is on the exact condition the next action needs (a new step, an enabled button, a tile in
 * its slot), checked in the page every frame, so the walk goes as fast as the screens do.
 */
export async function walkSitting(walk: Walk): Promise<WalkResult> {
  const { page, files, finger } = walk;
  const answers = new Map<string, Response>();
  let right = 0;
  let steps = 0;
  let repeated = false;
  const practiceTries = new Map<string, number>();
  const next = button(walk, 'next');
  // The layout is checked on every screen as it arrives (expectScreenFits), before anything is touched.
  let step = (await expectScreenFits(page, { stepOtherThan: null })).step!;

  for (;;) {
    const screen = step.split(':')[0]!;
    const id = step.split(':')[1]!;
    steps++;
    await walk.onStep?.(screen, step);

    if (screen === 'end' || step === walk.until) break;
    if (screen === 'welcome' || screen === 'family-instruction') {
      await finger.tap(next, { enabled: true });
    } else if (screen === 'practice') {
      const item = files.practice.find((p) => p.id === id)!;
      const tries = practiceTries.get(id) ?? 0;
      practiceTries.set(id, tries + 1);
      // First try of the first practice item is wrong, to see the gentle "try again".
      const wrongFirst = tries === 0 && id === files.practice[0]!.id;
      await giveAnswer(walk, item.opgave, wrongFirst ? wrongAnswer(item) : item.key);
      await finger.tap(next, { enabled: true });
      await expectScreenFits(page, { feedback: wrongFirst ? 'try-again' : 'correct' });
      await expectChecksOnlyWhenRight(walk, wrongFirst ? 'try-again' : 'correct');
      if (wrongFirst) {
        await walk.onStep?.('practice-feedback', step);
        // After a wrong try, look at the hand again: the answer tried stays (its feedback too).
        if (item.voorbeeld) await watchAgain(walk, step, 'try-again');
        // Answer again on the same item: the loop checks this screen's layout once more.
        step = (await expectScreenFits(page)).step!;
        continue;
      }
      await finger.tap(next);
    } else if (screen === 'practice-voorbeeld') {
      // Watch first: the hand demonstrates, then the practice opgave opens by itself.
      await finger.tap(button(walk, 'play'), { enabled: true });
    } else if (screen === 'practice-done') {
      if (walk.repeatPractice && !repeated) {
        repeated = true;
        practiceTries.clear();
        await finger.tap(button(walk, 'replay'));
      } else {
        await finger.tap(next);
      }
    } else if (screen === 'voorbeeld') {
      await finger.tap(button(walk, 'play'), { enabled: true });
    } else if (screen === 'opgave') {
      const index = files.items.findIndex((item) => item.id === id);
      const item = files.items[index]!;
      const answer = walk.answerRight(index) ? item.key : wrongAnswer(item);
      answers.set(item.id, answer);
      if (walk.answerRight(index)) right++;
      if (walk.slowHostAt === index) {
        await answerWhileHostIsSlow(walk, item, answer);
      } else {
        if (walk.takeBackAt === index) await takeBackThenAnswer(walk, item, answer);
        else if (walk.watchAgainAt?.includes(index))
          await watchAgainMidAnswer(walk, step, item.opgave, answer);
        else await giveAnswer(walk, item.opgave, answer);
        if (walk.doubleTapAt === index) {
          const { x, y } = await finger.centreOf(next, { enabled: true });
          await page.touchscreen.tap(x, y);
          await page.touchscreen.tap(x, y);
        } else {
          await finger.tap(next, { enabled: true });
        }
      }
    } else {
      throw new Error(`unexpected screen ${step}`);
    }
    step = (await expectScreenFits(page, { stepOtherThan: step, timeoutMs: 30_000 })).step!;
  }
  return { answers, right, steps };
}

/**
 * Holds the host still, taps a wrong answer and then, while that call is pending, the intended one, and
 * goes on with "volgende" while both are still pending: the second tap must be what the host ends up with.
 */
async function answerWhileHostIsSlow(walk: Walk, item: PackageFiles['items'][number], answer: Response) {
  const { finger } = walk;
  if (!walk.slowHost) throw new Error('slowHostAt needs a host that can be held (slowHost)');
  const first = answer.kind === 'choose' ? wrongAnswer(item) : null;
  walk.slowHost.hold();
  try {
    if (first && first.kind === 'choose' && answer.kind === 'choose') {
      const task = yourTurn(walk);
      await finger.tap(task.locator(`[data-option-id="${first.optionId}"]`));
      await finger.tap(task.locator(`[data-option-id="${answer.optionId}"]`));
      // Drawn at once, though the host has not answered the first tap yet.
      await expect(task.locator(`[data-option-id="${answer.optionId}"]`)).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    } else {
      await giveAnswer(walk, item.opgave, answer);
    }
    await finger.tap(button(walk, 'next'), { enabled: true });
  } finally {
    walk.slowHost.release();
  }
}

/**
 * A check means "right": on "try again" nothing in the task carries one (the chosen picture's mark is a round
 * dot, not a tick), and on "right" the feedback's check is the only one.
 */
async function expectChecksOnlyWhenRight(walk: Walk, feedback: 'try-again' | 'correct') {
  const marks = await yourTurn(walk).evaluate((frame) => ({
    checks: frame.querySelectorAll('.icon-check').length,
    chosen: [...frame.querySelectorAll('.chosen-mark')].map((mark) => {
      const after = getComputedStyle(mark, '::after');
      return { radius: after.borderRadius, transform: after.transform };
    }),
  }));
  expect(marks.checks, `check pictograms on "${feedback}"`).toBe(feedback === 'correct' ? 1 : 0);
  for (const chosen of marks.chosen) expect(chosen).toEqual({ radius: '50%', transform: 'none' });
}

/**
 * Half an answer, "watch again", and the rest: the replay must bring back exactly the half given (the host holds
 * it; the screen shows it again), and the answer is then finished from there.
 */
async function watchAgainMidAnswer(walk: Walk, step: string, scene: Scene, answer: Response) {
  const task = yourTurn(walk);
  await giveAnswer(walk, scene, answer, { to: 1 });
  await watchAgain(walk, step);
  if (answer.kind === 'choose') {
    await expect(task.locator(`[data-option-id="${answer.optionId}"]`)).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  } else if (answer.kind === 'place') {
    await expect(task.locator(`[data-target-id="${answer.targetId}"]`)).toHaveClass(/has-token/);
  } else {
    await walk.finger.centresIn(task, [placed(0, answer.sequence[0]!)]);
    await expect(button(walk, 'next')).toBeDisabled();
    await giveAnswer(walk, scene, answer, { from: 1 });
  }
}

/** Drags a tile into the last slot, takes it back with a tap (it returns to the tray), then answers. */
async function takeBackThenAnswer(walk: Walk, item: PackageFiles['items'][number], answer: Response) {
  const { finger } = walk;
  const task = yourTurn(walk);
  if (answer.kind !== 'order') throw new Error(`take-back is exercised on an order item, not ${item.id}`);
  const first = answer.sequence[0]!;
  const last = answer.sequence.length - 1;
  const [from, to] = await finger.centresIn(task, [tile(first), slot(last)]);
  await finger.dragBetween(from!, to!);
  const [inSlot] = await finger.centresIn(task, [placed(last, first)]);
  await expect(button(walk, 'next')).toBeDisabled();
  await walk.page.touchscreen.tap(inSlot!.x, inSlot!.y);
  // Back in the tray, and the slot empty again.
  await finger.centresIn(task, [tile(first)]);
  await expect(task.locator(`${slot(last)} [data-visual-id]`)).toHaveCount(0);
  await giveAnswer(walk, item.opgave, answer);
}
