import { expect, type Page } from '@playwright/test';

/**
 * The layout promise of issue 4, checked at every step: nothing scrolls, and every control a candidate
 * can use lies wholly inside the viewport (so nothing, like PLAY once did, hides below the fold).
 */
export async function expectFitsViewport(page: Page): Promise<void> {
  const report = await page.evaluate(() => {
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
      scrollHeight: scrolling.scrollHeight,
      scrollWidth: scrolling.scrollWidth,
      innerHeight,
      innerWidth,
      outside,
    };
  });
  expect(report.scrollHeight, 'the page must not scroll vertically').toBeLessThanOrEqual(report.innerHeight);
  expect(report.scrollWidth, 'the page must not scroll horizontally').toBeLessThanOrEqual(report.innerWidth);
  expect(report.outside, 'controls outside the viewport').toEqual([]);
}
