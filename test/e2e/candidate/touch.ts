import type { CDPSession, Locator, Page } from '@playwright/test';

export interface Point {
  x: number;
  y: number;
}

interface Reach {
  /** CSS selectors under the located element whose centres are wanted ('' for the element itself). */
  selectors: string[];
  /** Also wait until each target is enabled (not disabled, not aria-disabled). */
  enabled: boolean;
  timeoutMs: number;
}

/**
 * Runs in the page (self-contained): waits frame by frame until every selector under `root` matches
 * exactly one visible element (enabled too, if asked), then returns their centres. A locator's wait, strict
 * check and box in one round trip, and no polling back-off between the screen being ready and the finger.
 */
function centresWhenReady(root: Element, reach: Reach): Promise<Point[] | { timedOut: string }> {
  const deadline = performance.now() + reach.timeoutMs;
  const state = (selector: string): Point | string => {
    const name = selector === '' ? 'the element itself' : JSON.stringify(selector);
    const found = selector === '' ? [root] : [...root.querySelectorAll(selector)];
    if (found.length !== 1) return `${found.length} elements match ${name}`;
    const element = found[0]!;
    const rect = element.getBoundingClientRect();
    const visible = rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility === 'visible';
    if (!visible) return `${name} is not visible`;
    const disabled = element.matches(':disabled') || element.closest('[aria-disabled="true"]') !== null;
    if (reach.enabled && disabled) return `${name} is disabled`;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  };
  return new Promise((resolve) => {
    const check = () => {
      const states = reach.selectors.map(state);
      const waiting = states.filter((s): s is string => typeof s === 'string');
      if (waiting.length === 0) resolve(states as Point[]);
      else if (performance.now() > deadline) resolve({ timedOut: waiting.join('; ') });
      else requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * Touch input as a finger gives it: Chromium's touch emulation turns these into pointer events with
 * pointerType "touch", exactly what the candidate screens handle.
 */
export class Finger {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async on(page: Page): Promise<Finger> {
    return new Finger(page, await page.context().newCDPSession(page));
  }

  /**
   * The centres of `selectors` under `root` once each matches one visible element ('' is `root` itself);
   * with `enabled`, once each is enabled too: that wait is an assertion and fails after 15 s.
   */
  async centresIn(root: Locator, selectors: string[], options: { enabled?: boolean } = {}): Promise<Point[]> {
    const reach: Reach = { selectors, enabled: options.enabled ?? false, timeoutMs: 15_000 };
    const result = await root.evaluate(centresWhenReady, reach);
    if ('timedOut' in result)
      throw new Error(`not ready to touch under ${root.toString()}: ${result.timedOut}`);
    return result;
  }

  async centreOf(target: Locator, options: { enabled?: boolean } = {}): Promise<Point> {
    return (await this.centresIn(target, [''], options))[0]!;
  }

  /** Taps the centre of `target` once it is visible (and, with `enabled`, enabled). */
  async tap(target: Locator, options: { enabled?: boolean } = {}): Promise<void> {
    const { x, y } = await this.centreOf(target, options);
    await this.page.touchscreen.tap(x, y);
  }

  /** Presses on `from`, moves in steps to `to`, lifts: a drag with a real finger's path. */
  async drag(from: Locator, to: Locator): Promise<void> {
    await this.dragBetween(await this.centreOf(from), await this.centreOf(to));
  }

  async dragBetween(a: Point, b: Point): Promise<void> {
    const point = (x: number, y: number) => [
      { x: Math.round(x), y: Math.round(y), id: 1, radiusX: 8, radiusY: 8, force: 1 },
    ];
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(a.x, a.y) });
    const steps = 8;
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      await this.cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t),
      });
    }
    // Lifted while still moving, as a hurried finger does: the screens must not lose the next tap to a fling.
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
}
