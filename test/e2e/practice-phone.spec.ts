/**
 * The home practice app (issue 21) on phones: the real results service serving the built app at /oefenen/,
 * Chromium emulating a touch phone. Each run goes from the story of the day through every practice item to
 * the end with no scrolling and every control on screen, axe-clean; then the same context goes offline and
 * the practice runs again from the service worker's cache. Every request is recorded: none may leave the
 * app's own origin, and no cookie may be set.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Browser, type Page, type Request } from '@playwright/test';
import { startResultsService, type RunningService } from '../../src/server/start';
import type { LanguageCode } from '../../src/shared/items';
import { PracticePrecache, practicePaths } from '../../src/shared/practice/content';
import { expectScreenFits } from './candidate/fits';
import { loadPackageFiles } from './candidate/package-files';
import { expectAccessible, instructionsFor } from './candidate/session';
import { Finger } from './candidate/touch';
import { walkSitting } from './candidate/walk';
import { referencePackage } from './review/seed';

test.describe.configure({ mode: 'serial' });

const PRACTICE_DIR = resolve(import.meta.dirname, '../../out/practice');
const PHONES = [
  { name: '360x640', viewport: { width: 360, height: 640 }, deviceScaleFactor: 3 },
  { name: '412x915', viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625 },
] as const;

let service: RunningService;
let dataDir: string;
const files = loadPackageFiles();

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lbt-practice-e2e-'));
  service = await startResultsService({
    dataDir,
    databaseUrl: '',
    packages: [referencePackage()],
    logLevel: 'silent',
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
});

test.afterAll(async () => {
  await service?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function phone(browser: Browser, spec: (typeof PHONES)[number]) {
  const context = await browser.newContext({
    viewport: spec.viewport,
    deviceScaleFactor: spec.deviceScaleFactor,
    hasTouch: true,
    isMobile: true,
  });
  // Every request of the page and of its service worker, whichever answers it.
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return { context, page, requests, problems };
}

/** From the story of the day, through every practice item (the first once wrong), back to the day. */
async function practise(page: Page, language: LanguageCode, check: (step: string) => Promise<void>) {
  const ui = instructionsFor(language).ui;
  const finger = await Finger.on(page);
  const next = page.getByRole('button', { name: ui.next, exact: true });
  await expectScreenFits(page, { stepOtherThan: null });
  await expect(page.locator('main[data-step="day:"]')).toBeVisible();
  await check('day:');
  await finger.tap(next, { enabled: true });
  await walkSitting({
    page,
    finger,
    files,
    ui,
    answerRight: () => true,
    onStep: async (_screen, step) => check(step),
    until: 'practice-done:',
  });
  await finger.tap(next, { enabled: true });
  await expectScreenFits(page, { stepOtherThan: 'practice-done:' });
  await expect(page.locator('main[data-step="day:"]')).toBeVisible();
}

/**
 * The story of the day in the candidate's language: what happens on the day and that nothing leaves the phone,
 * written, and spoken by PLAY where the language has a voice (the first sound is fetched at the tap).
 */
async function expectDayInLanguage(page: Page, language: LanguageCode) {
  const { texts, ui, voice } = instructionsFor(language);
  const day = page.locator('main[data-step="day:"]');
  await expect(day.locator('h1')).toHaveText(texts['home.day'].text);
  await expect(day.getByTestId('stays-here')).toHaveText(texts['home.private'].text);
  const play = day.getByRole('button', { name: ui.play, exact: true });
  if (!voice.available) {
    await expect(play).toBeDisabled();
    return;
  }
  const spoken = `/content/files/instructions/${language}/home.day.ogg`;
  // The page's own requests after the tap: the service worker fetches every file of the language (the sound
  // too) for offline use whenever it gets round to it, so its fetches say nothing about PLAY.
  const afterTap: string[] = [];
  const listen = (request: Request) => {
    if (!request.serviceWorker()) afterTap.push(request.url());
  };
  page.on('request', listen);
  await (await Finger.on(page)).tap(play, { enabled: true });
  await expect.poll(() => afterTap.some((url) => url.endsWith(spoken))).toBe(true);
  page.off('request', listen);
}

/** The service worker has kept every file of the language's precache list. */
async function expectKeptOffline(page: Page, language: LanguageCode) {
  const list = PracticePrecache.parse(
    JSON.parse(readFileSync(join(PRACTICE_DIR, practicePaths(language).precache), 'utf8')),
  );
  await expect
    .poll(
      () =>
        page.evaluate(async (prefix) => {
          await navigator.serviceWorker.ready;
          const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
          if (names.length !== 1) return -names.length;
          return (await (await caches.open(names[0]!)).keys()).length;
        }, `lbt-oefenen-${language}-build-`),
      { timeout: 30_000 },
    )
    .toBe(list.files.length);
}

for (const spec of PHONES) {
  for (const language of ['nl', 'ar'] as const) {
    test(`practice on a ${spec.name} phone in ${language}, then again offline`, async ({ browser }) => {
      const { context, page, requests, problems } = await phone(browser, spec);
      const origin = new URL(service.url).origin;
      const checked = new Set<string>();
      const check = async (step: string) => {
        if (spec.name === '360x640' && language === 'nl' && step === 'practice:oefen-slepen') {
          await page.screenshot({ path: 'docs/images/practice-phone.png' });
        }
        // axe once per kind of screen per run: the same screen with another picture adds nothing.
        const kind = step.split(':')[0]!;
        if (checked.has(kind)) return;
        checked.add(kind);
        await expectAccessible(page, `${step} (${language}, ${spec.name})`);
      };
      await page.goto(`${service.url}/oefenen/?lang=${language}&pace=fast`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.locator('.canvas')).toHaveAttribute('data-orientation', 'portrait');
      await expect(page.locator('.canvas')).toHaveAttribute(
        'data-text-dir',
        language === 'ar' ? 'rtl' : 'ltr',
      );
      await expectDayInLanguage(page, language);
      await practise(page, language, check);
      await expectKeptOffline(page, language);

      await context.setOffline(true);
      checked.clear();
      await page.reload();
      await practise(page, language, check);

      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      expect(await context.cookies()).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
}

test('practice on a landscape tablet keeps the kiosk layout', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 1180, height: 820 },
    deviceScaleFactor: 2,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(`${service.url}/oefenen/?lang=fa&pace=fast`);
  await expect(page.locator('.canvas')).toHaveAttribute('data-orientation', 'landscape');
  await practise(page, 'fa', async () => undefined);
  expect(await context.cookies()).toEqual([]);
  await context.close();
});

test('a language without a voice tells the day in writing on a 360x640 phone', async ({ browser }) => {
  const { context, page, problems } = await phone(browser, PHONES[0]);
  await page.goto(`${service.url}/oefenen/?lang=ti&pace=fast`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ti');
  await expectDayInLanguage(page, 'ti');
  await expectScreenFits(page, { stepOtherThan: null });
  await expectAccessible(page, 'day: (ti, 360x640)');
  expect(problems).toEqual([]);
  await context.close();
});

test('the served app holds no scored item and refuses package paths it does not carry', async ({
  request,
}) => {
  for (const item of files.items) {
    const answer = await request.get(
      `${service.url}/oefenen/content/files/bank/${item.family}/${item.id}.json`,
    );
    expect(answer.status()).toBe(404);
  }
  const served = await request.get(`${service.url}/oefenen/${practicePaths('nl').content}`);
  expect(served.ok()).toBe(true);
  const text = await served.text();
  for (const item of files.items) expect(text).not.toContain(`"${item.id}"`);
  const bare = await request.get(`${service.url}/oefenen?lang=ar`, { maxRedirects: 0 });
  expect(bare.status()).toBe(301);
  expect(bare.headers()['location']).toBe('/oefenen/?lang=ar');
  const page = await request.get(`${service.url}/oefenen/`);
  expect(page.headers()['content-security-policy']).toContain("connect-src 'self'");
  expect(page.headers()['set-cookie']).toBeUndefined();
});
