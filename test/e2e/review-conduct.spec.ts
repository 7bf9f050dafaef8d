import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startResultsService, type RunningService } from '../../src/server/start';
import {
  expectAccessible,
  expectNoScrolling,
  logIn,
  openTab,
  screenshot,
  SCREENSHOT_DIR,
  watchPage,
} from './review/page';
import { PASSWORD, referencePackage, seedService, USERS, type Seeded } from './review/seed';
import { GEMEENTE_A, SEED } from './review/seed-plan';

/**
 * "Afwijkende afnames" over the seeded set of the dashboard tests (aborted sittings, focus-lost pauses): the
 * consulent sees the counts per afnemer and per location and the reasons in Dutch, on laptop screens without a
 * scrollbar, axe clean; and the leerroute explanation warns about medical words before it is saved.
 */
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

let service: RunningService;
let dataDir: string;
let seeded: Seeded;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'lbt-review-conduct-'));
  service = await startResultsService({
    dataDir,
    databaseUrl: '',
    packages: [referencePackage()],
    logLevel: 'silent',
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
  seeded = await seedService(service.url, service.deps, referencePackage());
});

test.afterAll(async () => {
  await service?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let pageProblems: string[] = [];
test.beforeEach(({ page }) => {
  pageProblems = watchPage(page);
});
test.afterEach(() => {
  expect(pageProblems, 'errors in the page').toEqual([]);
});

const A = SEED.filter((r) => r.gemeente === GEMEENTE_A);
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1280, height: 600 },
];

test('the consulent sees paused and aborted sittings per afnemer and location, with reasons', async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS[0]!);
  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  await openTab(page, 'Afwijkende afnames');
  const table = page.getByRole('table', { name: 'Afwijkende afnames per toetsafnemer' });
  const total = table.locator('tfoot tr');
  const aborted = A.filter((r) => r.status === 'aborted').length;
  const paused = A.filter((r) => r.focusLost).length;
  expect(aborted).toBeGreaterThan(0);
  // Afnames, gepauzeerd, vroeg beëindigd, afgebroken, hersteld, normaal.
  await expect(total.locator('td')).toHaveText([
    String(A.length),
    String(paused),
    '0',
    String(aborted),
    '0',
    String(A.filter((r) => r.status === 'completed' && !r.focusLost).length),
  ]);
  const reasons = page.getByRole('table', { name: 'Redenen' });
  await expect(
    reasons
      .getByRole('row', { name: /Kandidaat werd onwel/ })
      .locator('td')
      .last(),
  ).toHaveText(String(aborted));
  await expect(
    reasons
      .getByRole('row', { name: /Toetsvenster verloor de focus/ })
      .locator('td')
      .last(),
  ).toHaveText(String(paused));

  await page.getByLabel('Per', { exact: true }).selectOption({ label: 'Locatie (kiosk)' });
  const byLocation = page.getByRole('table', { name: 'Afwijkende afnames per locatie (kiosk)' });
  // The seed uses two kiosks per gemeente.
  await expect(byLocation.locator('tbody tr')).toHaveCount(2);
  await expect(byLocation.locator('tfoot td').first()).toHaveText(String(A.length));
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expectNoScrolling(page, `afwijkend at ${viewport.width}x${viewport.height}`);
  }
  await page.setViewportSize(VIEWPORTS[0]!);
  await expectAccessible(page, 'afwijkend');
  await screenshot(page, 'review-afwijkend');
});

test('the leerroute explanation carries the warning and names medical words before saving', async ({
  page,
}) => {
  const target = A.find((r) => r.status === 'completed' && r.raw >= 28 && !r.route)!;
  await page.setViewportSize(VIEWPORTS[0]!);
  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  expect(seeded.ids.get(target.candidateRef)).toBeTruthy();
  await openTab(page, 'Uitslagen en leerroute');
  await page.getByLabel('Kandidaat', { exact: true }).fill(target.candidateRef);
  await page.getByRole('button', { name: `Leerroute vastleggen voor ${target.candidateRef}` }).click();
  const form = page.getByRole('form', { name: 'Leerroute vastleggen' });
  await form.getByLabel('Z-route').check();
  await expect(form.getByTestId('special-category-warning')).toContainText(
    'Schrijf geen medische of andere bijzondere persoonsgegevens',
  );
  await form.getByLabel('Reden').selectOption('medisch');
  await form.getByLabel(/Toelichting/).fill('Depressief, volgt therapie');
  await expect(form.getByTestId('special-category-warning')).toHaveText(
    'Let op: "Depressief", "therapie" lijken medisch. Laat dat weg als het niet nodig is; opslaan kan wel.',
  );
  await expectNoScrolling(page, 'uitslagblad met waarschuwing');
  await expectAccessible(page, 'uitslagblad met waarschuwing');
  // Warn, not block: it is saved all the same.
  await form.getByRole('button', { name: 'Leerroute vastleggen' }).click();
  await expect(form.getByRole('status')).toContainText('Z-route vastgelegd (anders dan uitslag)');
});
