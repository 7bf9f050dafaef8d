import { expect, type Page } from '@playwright/test';

/** The scroll size, the window and every usable control lying outside it, measured in the page. */
export interface LayoutReport {
  scrollHeight: number;
  scrollWidth: number;
  innerHeight: number;
  innerWidth: number;
  outside: string[];
}

/** What to wait for before the screen is measured; with neither, it is measured as it is now. */
export interface ScreenWait {
  /** A `main[data-step]` whose step differs from this one (null: any step at all). */
  stepOtherThan?: string | null;
  /** The practice feedback showing this value. */
  feedback?: string;
  timeoutMs?: number;
}

export interface ScreenReport {
  step: string | null;
  layout: LayoutReport;
}

/**
 * Runs in the page (so it must stay self-contained): waits frame by frame for `wait`, and for every
 * picture on screen to have loaded (a late picture could still push a control out), then measures the
 * layout in that same frame. One round trip per step instead of a wait, a read and a measurement.
 */
export function readScreen(wait: ScreenWait): Promise<ScreenReport | { timedOut: string }> {
  const deadline = performance.now() + (wait.timeoutMs ?? 15_000);
  const stepNow = () => {
    const main = document.querySelectorAll<HTMLElement>('main[data-step]');
    return main.length === 1 && main[0]!.getClientRects().length > 0
      ? main[0]!.getAttribute('data-step')
      : null;
  };
  const feedbackNow = () => {
    const all = document.querySelectorAll('[data-testid="feedback"]');
    if (all.length !== 1) return `${all.length} feedback elements`;
    return all[0]!.getClientRects().length > 0 ? all[0]!.getAttribute('data-feedback') : 'feedback not drawn';
  };
  const ready = () => {
    if ('stepOtherThan' in wait) {
      const step = stepNow();
      if (step === null || step === wait.stepOtherThan) return false;
    }
    if (wait.feedback !== undefined && feedbackNow() !== wait.feedback) return false;
    return [...document.images].every((image) => image.complete);
  };
  const measure = (): ScreenReport => {
    const scrolling = document.scrollingElement!;
    const outside = [
      ...document.querySelectorAll<HTMLElement>('button, [role="button"], a[href], input, [tabindex]'),
    ]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => ({ element, rect: element.getBoundingClientRect() }))
      .filter(
        ({ rect }) =>
          rect.left < -0.5 ||
          rect.top < -0.5 ||
          rect.right > innerWidth + 0.5 ||
          rect.bottom > innerHeight + 0.5,
      )
      .map(
        ({ element, rect }) =>
          `${element.getAttribute('aria-label') ?? element.tagName} at ${JSON.stringify(rect)}`,
      );
    return {
      step: stepNow(),
      layout: {
        scrollHeight: scrolling.scrollHeight,
        scrollWidth: scrolling.scrollWidth,
        innerHeight,
        innerWidth,
        outside,
      },
    };
  };
  return new Promise((resolve) => {
    const check = () => {
      if (ready()) resolve(measure());
      else if (performance.now() > deadline) {
        const pending = [...document.images].filter((image) => !image.complete).map((image) => image.src);
        resolve({
          timedOut: `waited for ${JSON.stringify(wait)}; step ${stepNow()}, feedback ${feedbackNow()}, pictures loading ${JSON.stringify(pending)}`,
        });
      } else requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * The layout promise of issue 4, checked at every step: nothing scrolls, and every control a candidate
 * can use lies wholly inside the viewport (so nothing, like PLAY once did, hides below the fold).
 */
export function expectLayoutFits(report: LayoutReport): void {
  expect(report.scrollHeight, 'the page must not scroll vertically').toBeLessThanOrEqual(report.innerHeight);
  expect(report.scrollWidth, 'the page must not scroll horizontally').toBeLessThanOrEqual(report.innerWidth);
  expect(report.outside, 'controls outside the viewport').toEqual([]);
}

/** Waits for `wait` (see `readScreen`) and reports the screen then; fails after the wait's timeout. */
export async function waitForScreen(page: Page, wait: ScreenWait = {}): Promise<ScreenReport> {
  const report = await page.evaluate(readScreen, wait);
  if ('timedOut' in report) throw new Error(`the screen did not get there: ${report.timedOut}`);
  return report;
}

/** Waits for `wait` (see `readScreen`), checks the layout promise on that screen and returns its step. */
export async function expectScreenFits(page: Page, wait: ScreenWait = {}): Promise<ScreenReport> {
  const report = await waitForScreen(page, wait);
  expectLayoutFits(report.layout);
  return report;
}

/** The layout promise on the screen as it is now (once its pictures have loaded). */
export async function expectFitsViewport(page: Page): Promise<void> {
  await expectScreenFits(page);
}
