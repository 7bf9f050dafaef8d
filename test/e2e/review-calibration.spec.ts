/**
 * The beheerder's psychometric views (issue 19) end to end: a real results service on a temp SQLite file with
 * the review seed plus a few thousand simulated Rasch sittings, the built dashboard in Chromium at 1366x768. The
 * beheerder runs a calibration with the button, then sees the item map, the information chart, the DIF forest
 * plot and the standard-setting views, each without scrolling and axe clean; a consulent sees none of them and
 * the API refuses them to that role.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startResultsService, type RunningService } from '../../src/server/start';
import { seedCalibrationData, SIMULATED } from './review/calibration-seed';
import {
  expectAccessible,
  expectNoScrolling,
  logIn,
  openTab,
  SCREENSHOT_DIR,
  screenshot,
  watchPage,
} from './review/page';
import { ReviewClient } from './review/review-client';
import { PASSWORD, referencePackage, seedService, USERS } from './review/seed';
import { GEMEENTE_A, SEED } from './review/seed-plan';

test.describe.configure({ mode: 'serial' });
test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1366, height: 768 } });

let service: RunningService;
let dataDir: string;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'lbt-review-calibration-'));
  service = await startResultsService({
    dataDir,
    databaseUrl: '',
    packages: [referencePackage()],
    logLevel: 'silent',
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
  await seedService(service.url, service.deps, referencePackage());
  await seedCalibrationData(service.deps, GEMEENTE_A);
});

test.afterAll(async () => {
  await service?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function tabNames(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link').allTextContents();
}

test('a beheerder runs a calibration and reads it in the Kalibratie, DIF and Standaardbepaling views', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchPage(page);
  await logIn(page, service.url, USERS.beheerderA.username, PASSWORD);
  expect(await tabNames(page)).toEqual([
    'Verdeling',
    'Wat als de cesuur anders is',
    'Afnamecondities',
    'Betrouwbaarheid',
    'Uitslagen en leerroute',
    'Afwijkende afnames',
    'Kalibratie',
    'DIF',
    'Standaardbepaling',
  ]);

  await openTab(page, 'Kalibratie');
  await expect(page.getByText(/nog geen kalibratie opgeslagen/)).toBeVisible();
  await page.getByRole('button', { name: 'Kalibratie uitvoeren' }).click();
  const main = page.getByRole('main', { name: 'Kalibratie' });
  await expect(main.getByRole('heading', { name: 'Itemkaart' })).toBeVisible({ timeout: 60_000 });
  await expect(
    main.getByRole('figure', { name: 'Moeilijkheid van de opgaven met 95%-interval' }),
  ).toBeVisible();
  await expect(main.getByRole('figure', { name: 'Vaardigheid van de kandidaten' })).toBeVisible();
  await expect(main.getByRole('figure', { name: 'Testinformatie en meetfout langs de score' })).toBeVisible();
  await expect(main.locator('.recharts-errorBar').first()).toBeAttached();
  // Every completed sitting of the package counts, the review seed's and the simulated ones; aborted ones not.
  const completed = SEED.filter((plan) => plan.status === 'completed').length + SIMULATED;
  await expect(main.locator('dt:text-is("Afnames gebruikt") + dd')).toHaveText(
    new Intl.NumberFormat('nl-NL').format(completed),
  );
  await expect(main.getByText('geldig', { exact: true })).toBeVisible();
  // How sure the advice is at the cesuur, from this calibration (Rudner): a share of candidates, in percent.
  await expect(main.getByTestId('classification-accuracy')).toHaveText(/^\d{2}(,\d)?%$/);
  await expect(main.getByRole('table', { name: 'Passing per opgave', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kalibratie' })).toContainText(/afnames/);
  await expectNoScrolling(page, 'kalibratie');
  await expectAccessible(page, 'kalibratie');
  await screenshot(page, 'review-kalibratie');
  // On paper (the browser's print, or its PDF): the whole fit table, and no choice bar or print button.
  await page.emulateMedia({ media: 'print' });
  await expect(main.getByRole('table', { name: 'Passing per opgave (alle)' }).getByRole('row')).toHaveCount(
    41,
  );
  await expect(page.getByRole('group', { name: 'Kalibratie kiezen' })).toBeHidden();
  await expect(main.getByRole('button', { name: 'Afdrukken of PDF' })).toBeHidden();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-kalibratie-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await openTab(page, 'DIF');
  const dif = page.getByRole('main', { name: 'DIF' });
  await expect(dif.getByRole('table', { name: 'Vergelijkingen per afnameconditie' })).toBeVisible();
  await dif.getByRole('button', { name: 'Instructietaal: Arabisch tegenover Nederlands' }).click();
  await expect(
    dif.getByRole('figure', { name: 'Forest plot Instructietaal: Arabisch tegenover Nederlands' }),
  ).toBeVisible();
  // Items the seed made harder for the Arabic group show as class B or C.
  await expect(dif.getByText(/Klasse A: \d+, B: \d+, C: \d+\./)).toBeVisible();
  const summary = (await dif.getByText(/Klasse A: \d+, B: \d+, C: \d+\./).textContent()) ?? '';
  const [, , b, c] = /A: (\d+), B: (\d+), C: (\d+)/.exec(summary)!.map(Number);
  expect(b! + c!).toBeGreaterThanOrEqual(2);
  await expectNoScrolling(page, 'dif');
  await expectAccessible(page, 'dif');
  await screenshot(page, 'review-dif');

  await openTab(page, 'Standaardbepaling');
  const standard = page.getByRole('main', { name: 'Standaardbepaling' });
  const items = referencePackage().definition.items;
  const csvDir = mkdtempSync(join(tmpdir(), 'lbt-angoff-'));
  const bad = join(csvDir, 'fout.csv');
  writeFileSync(bad, `beoordelaar,${items.join(',')}\nA,${items.map(() => '1.5').join(',')}\n`);
  await standard.getByLabel('Angoff-bestand (CSV)').setInputFiles(bad);
  await expect(standard.getByRole('alert')).toContainText('geen kans tussen 0 en 1');
  const good = join(csvDir, 'angoff.csv');
  const judge = (p: number) => items.map(() => String(p)).join(',');
  writeFileSync(
    good,
    `beoordelaar,${items.join(',')}\nA,${judge(0.7)}\nB,${judge(0.72)}\nC,${judge(0.68)}\n`,
  );
  await standard.getByLabel('Angoff-bestand (CSV)').setInputFiles(good);
  await expect(standard.getByRole('definition').filter({ hasText: /^28$/ })).toBeVisible();
  await standard.getByLabel('Bladwijzers (per regel: naam;pagina)').fill('A;24\nB;26\nC;25');
  await expect(standard.getByRole('figure', { name: 'Opgaven op volgorde van moeilijkheid' })).toBeVisible();
  await expect(standard.getByText(/lbt definition release --package [0-9a-f]{64}/)).toBeVisible();
  rmSync(csvDir, { recursive: true, force: true });
  await expectNoScrolling(page, 'standaardbepaling');
  await expectAccessible(page, 'standaardbepaling');
  await screenshot(page, 'review-standaardbepaling');
  expect(problems).toEqual([]);
});

test('a consulent sees no beheerder views, and the API refuses them', async ({ page }) => {
  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  expect(await tabNames(page)).not.toContain('Kalibratie');
  expect(await tabNames(page)).not.toContain('DIF');
  expect(await tabNames(page)).not.toContain('Standaardbepaling');
  await page.goto(`${service.url}/review/#/kalibratie`);
  await expect(page.getByRole('main', { name: 'Verdeling' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kalibratie uitvoeren' })).toHaveCount(0);

  const api = await ReviewClient.login(service.url, USERS.consulentA.username, PASSWORD);
  expect((await api.get('calibrations')).status).toBe(403);
  expect(
    (await api.send('POST', 'calibrations', { packageHash: referencePackage().packageHash })).status,
  ).toBe(403);
});
