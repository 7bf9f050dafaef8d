import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Response } from '../../../src/shared/items';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../playwright.config';
import { loadPackageFiles } from '../../e2e/candidate/package-files';
import { startHostProcess } from '../../e2e/host-process';
import { percentile, type Benchmark } from '../harness';

/** One frame at 60 Hz: the budget a UI response is measured against. */
const FRAME_MS = 1000 / 60;
const root = resolve(import.meta.dirname, '../../..');

/**
 * Installed in the page. One sample: from the pointerup that activates "volgende" on an opgave (the
 * event's own timestamp, i.e. when the input reached the browser) to the presentation of the frame that
 * first shows the next screen. That frame is found with the Element Timing API: as soon as the next
 * screen is in the DOM (a MutationObserver on its `data-step`, so in the same task as React's commit) the
 * probe marks it with a tiny text node carrying `elementtiming`; the browser then reports the render time
 * of the frame that painted it: after style, layout, paint and raster, when the frame was presented
 * (the first version of this probe stopped at that frame's requestAnimationFrame callback, before any of
 * that work, and did not wait for pictures; see docs/BENCHMARKS.md). The new screen's pictures are marked
 * too: a picture painted in a later frame than its screen (still loading) is counted to its own frame, so
 * a sample is the moment the whole next screen, pictures included, is on the glass.
 */
const PROBE = `
  window.__uiNext = [];
  // Per sample, for the breakdown printed beside the table: DOM in place, that frame begun, pictures' lag.
  window.__uiNextParts = [];
  // Calls in flight, so the driver can wait as a person would before tapping "volgende" (see below):
  // on the page's call socket (one answer per call) and on the POST fallback.
  window.__inflight = 0;
  const send = window.fetch.bind(window);
  window.fetch = (...args) => {
    window.__inflight++;
    return send(...args).finally(() => window.__inflight--);
  };
  const socketSend = WebSocket.prototype.send;
  const outstanding = new WeakMap();
  WebSocket.prototype.send = function (data) {
    if (!outstanding.has(this)) {
      outstanding.set(this, 0);
      const settle = (n) => { outstanding.set(this, outstanding.get(this) - n); window.__inflight -= n; };
      this.addEventListener('message', () => settle(1));
      this.addEventListener('close', () => settle(outstanding.get(this)));
    }
    outstanding.set(this, outstanding.get(this) + 1);
    window.__inflight++;
    return socketSend.call(this, data);
  };
  let current = null;
  document.addEventListener('pointerup', (event) => {
    const next = event.target instanceof Element && event.target.closest('[data-testid="next"]');
    if (!next || next.disabled || current) return;
    const main = document.querySelector('main[data-step]');
    if (!main || main.dataset.screen !== 'opgave') return;
    current = { start: event.timeStamp, from: main.dataset.step, marks: null, painted: new Map() };
  }, true);
  const finish = (sample) => {
    const frame = sample.painted.get(sample.marks[0]);
    if (frame === undefined || sample.painted.size < sample.marks.length) return;
    const last = Math.max(...sample.painted.values());
    window.__uiNext.push(last - sample.start);
    window.__uiNextParts.push({ dom: sample.dom, frame: sample.frame, late: last - frame });
    sample.marks[0].remove();
    if (current === sample) current = null;
  };
  new PerformanceObserver((list) => {
    const sample = current;
    if (!sample || !sample.marks) return;
    for (const entry of list.getEntries()) {
      if (sample.marks.includes(entry.element)) sample.painted.set(entry.element, entry.renderTime);
    }
    finish(sample);
  }).observe({ type: 'element' });
  new MutationObserver(() => {
    const sample = current;
    if (!sample || sample.marks) return;
    const main = document.querySelector('main[data-step]');
    if (!main || main.dataset.step === sample.from) return;
    const mark = document.createElement('span');
    mark.textContent = '.';
    mark.setAttribute('aria-hidden', 'true');
    mark.style.cssText = 'position:fixed;left:0;top:0;font-size:4px;line-height:1;pointer-events:none';
    const pictures = [...main.querySelectorAll('img')];
    for (const element of [mark, ...pictures]) element.setAttribute('elementtiming', 'ui-next');
    document.body.append(mark);
    sample.marks = [mark, ...pictures];
    sample.dom = performance.now() - sample.start;
    requestAnimationFrame(() => { sample.frame = performance.now() - sample.start; });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
`;

async function answer(page: Page, response: Response): Promise<void> {
  const task = page.locator('section.task-frame');
  if (response.kind === 'choose') await task.locator(`[data-option-id="${response.optionId}"]`).click();
  else if (response.kind === 'place') {
    // Dragged, not clicked: a click on a sound target only says its word.
    const from = await task.locator('button.token').boundingBox();
    const to = await task.locator(`[data-target-id="${response.targetId}"]`).boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 4 });
    await page.mouse.up();
    await task.locator(`[data-target-id="${response.targetId}"].has-token`).waitFor();
  } else
    for (const id of response.sequence) if (id) await task.locator(`.tray [data-visual-id="${id}"]`).click();
}

async function samplesTaken(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __uiNext: number[] }).__uiNext.length);
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
    if (screen === 'voorbeeld' || screen === 'practice-voorbeeld') {
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
      const before = await samplesTaken(page);
      await next.click();
      // The sample is complete once the next screen and its pictures have been painted.
      await page.waitForFunction(
        (n) => (window as unknown as { __uiNext: number[] }).__uiNext.length > n,
        before,
      );
    } else {
      await next.click();
    }
    await moved(page, current);
  }
}

/** Where a sample's time went, beside the table (stderr): the figure itself is the whole span. */
function breakdown(parts: { dom: number; frame: number; late: number }[]): string {
  const at = (key: 'dom' | 'frame', p: number) =>
    percentile(
      parts.map((part) => part[key]),
      p,
    ).toFixed(1);
  const lagging = parts.filter((part) => part.late > 0);
  return (
    `ui.next breakdown: next screen in the DOM p50 ${at('dom', 50)} / p95 ${at('dom', 95)} ms, ` +
    `its frame begun p50 ${at('frame', 50)} / p95 ${at('frame', 95)} ms; pictures painted after ` +
    `their screen in ${lagging.length} of ${parts.length} samples` +
    (lagging.length ? ` (at most ${Math.max(...lagging.map((part) => part.late)).toFixed(1)} ms)` : '')
  );
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
    const parts: { dom: number; frame: number; late: number }[] = [];
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
          const taken = await page.evaluate(() => {
            const probe = window as unknown as { __uiNext: number[]; __uiNextParts: typeof parts };
            return { samples: probe.__uiNext, parts: probe.__uiNextParts };
          });
          samples.push(...taken.samples);
          parts.push(...taken.parts);
          await page.close();
        } finally {
          await host.stop();
        }
      }
    } finally {
      await browser.close();
    }
    console.error(breakdown(parts));
    return { samples, baseline: { name: 'frame budget (60 Hz)', samples: samples.map(() => FRAME_MS) } };
  },
};
