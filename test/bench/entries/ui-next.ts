import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Response } from '../../../src/shared/items';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../playwright.config';
import { loadPackageFiles } from '../../e2e/candidate/package-files';
import { startHostProcess } from '../../e2e/host-process';
import type { Benchmark } from '../harness';

/** One frame at 60 Hz: the budget a UI response is measured against. */
const FRAME_MS = 1000 / 60;
const root = resolve(import.meta.dirname, '../../..');

/**
 * Installed in the page: from the pointerup that activates "volgende" (its event timestamp) to the first
 * animation frame after the next screen's DOM is in place, i.e. the frame that paints it. This covers the
 * host round trip (the page moves only on the host's answer), React's render and layout.
 */
const PROBE = `
  window.__uiNext = [];
  // Calls in flight, so the driver can wait as a person would before tapping "volgende" (see below).
  window.__inflight = 0;
  const send = window.fetch.bind(window);
  window.fetch = (...args) => {
    window.__inflight++;
    return send(...args).finally(() => window.__inflight--);
  };
  let start = null;
  let from = null;
  document.addEventListener('pointerup', (event) => {
    const next = event.target instanceof Element && event.target.closest('[data-testid="next"]');
    if (!next || next.disabled) return;
    const main = document.querySelector('main[data-step]');
    if (!main || main.dataset.screen !== 'opgave') return;
    start = event.timeStamp;
    from = main.dataset.step;
  }, true);
  new MutationObserver(() => {
    if (start === null) return;
    const step = document.querySelector('main[data-step]')?.dataset.step;
    if (!step || step === from) return;
    const began = start;
    start = null;
    requestAnimationFrame(() => window.__uiNext.push(performance.now() - began));
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
`;

async function answer(page: Page, response: Response): Promise<void> {
  const task = page.locator('section.task-frame');
  if (response.kind === 'choose') await task.locator(`[data-option-id="${response.optionId}"]`).click();
  else if (response.kind === 'place')
    await task.locator(`[data-target-id="${response.targetId}"] .target-button`).click();
  else
    for (const id of response.sequence) if (id) await task.locator(`.tray [data-visual-id="${id}"]`).click();
}

async function step(page: Page): Promise<string> {
  return (await page.locator('main[data-step]').getAttribute('data-step')) ?? '';
}

async function moved(page: Page, from: string): Promise<void> {
  await page.waitForFunction(
    (prev) => document.querySelector('main[data-step]')?.getAttribute('data-step') !== prev,
    from,
  );
}

/** One whole sitting by mouse input, every opgave answered with its key. */
async function sitting(page: Page, files: ReturnType<typeof loadPackageFiles>): Promise<void> {
  const next = page.locator('[data-testid="next"]:not([disabled])');
  await page.locator('main[data-step]').waitFor();
  for (;;) {
    const current = await step(page);
    const [screen, id] = current.split(':');
    if (screen === 'end') return;
    if (screen === 'voorbeeld') {
      await page.locator('[data-testid="play"]:not([disabled])').click();
    } else if (screen === 'practice') {
      await answer(page, files.practice.find((p) => p.id === id)!.key);
      await next.click();
      await page.getByTestId('feedback').waitFor();
      await next.click();
    } else if (screen === 'opgave') {
      await answer(page, files.items.find((item) => item.id === id)!.key);
      // A candidate looks at the answer before pressing "volgende"; by then its change events have
      // reached the host. Without this pause the figure would time the answer taps' round trips too.
      await page.waitForFunction(() => (window as unknown as { __inflight: number }).__inflight === 0);
      await next.click();
    } else {
      await next.click();
    }
    await moved(page, current);
  }
}

export const uiNext: Benchmark = {
  name: 'ui.next',
  unit: 'ms',
  async run({ scale }) {
    if (!existsSync(resolve(root, 'out/renderer/kiosk/index.html'))) {
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: root, stdio: 'inherit' });
    }
    const files = loadPackageFiles();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const samples: number[] = [];
    try {
      for (let round = 0; round < Math.max(1, Math.round(scale)); round++) {
        const host = await startHostProcess();
        try {
          const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
          await page.addInitScript({ content: PROBE });
          const url = new URL(host.launchUrl);
          url.search = '?view=candidate&lang=nl&pace=fast';
          await page.goto(url.toString());
          await sitting(page, files);
          samples.push(
            ...(await page.evaluate(() => (window as unknown as { __uiNext: number[] }).__uiNext)),
          );
          await page.close();
        } finally {
          await host.stop();
        }
      }
    } finally {
      await browser.close();
    }
    return { samples, baseline: { name: 'frame budget (60 Hz)', samples: samples.map(() => FRAME_MS) } };
  },
};
