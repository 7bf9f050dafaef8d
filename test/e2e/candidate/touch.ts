import type { CDPSession, Locator, Page } from '@playwright/test';

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

  async centreOf(target: Locator): Promise<{ x: number; y: number }> {
    await target.waitFor({ state: 'visible' });
    const box = await target.boundingBox();
    if (!box) throw new Error(`no box for ${target.toString()}`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  async tap(target: Locator): Promise<void> {
    const { x, y } = await this.centreOf(target);
    await this.page.touchscreen.tap(x, y);
  }

  /** Presses on `from`, moves in steps to `to`, lifts: a drag with a real finger's path. */
  async drag(from: Locator, to: Locator): Promise<void> {
    const a = await this.centreOf(from);
    const b = await this.centreOf(to);
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
