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
import { loadPackage } from '../../src/host/items/loader';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../src/host/items/trust';
import { paths } from '../../src/host/paths';
import { archivePackage } from '../../src/server/package-archive';
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

test('with the calibration, the twijfelzone and the what-if view say how sure a score is', async ({
  page,
}) => {
  const problems = watchPage(page);
  const pkg = referencePackage().definition;
  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  await openTab(page, 'Verdeling');
  // Per score in the twijfelzone 26-30 of cesuur 28, the plain-Dutch sentence from the beheerder's calibration.
  const zone = page.getByRole('region', { name: 'Hoe zeker is een score in de twijfelzone' });
  const lines = zone.getByRole('list', { name: 'Per score in de twijfelzone' }).getByRole('listitem');
  await expect(lines).toHaveCount(5);
  const sentence =
    /^(ongeveer \d+ op de \d+ kandidaten? met deze score (hoort|horen)|vrijwel (alle kandidaten|geen kandidaat) met deze score (hoort|horen)) boven de cesuur$/;
  for (const [index, raw] of [26, 27, 28, 29, 30].entries()) {
    const text = (await lines.nth(index).textContent()) ?? '';
    expect(text.startsWith(`Score ${raw}: `), text).toBe(true);
    expect(text.slice(`Score ${raw}: `.length)).toMatch(sentence);
  }
  await expect(zone).toContainText(`Uit de kalibratie van lbt-referentie ${pkg.version} · operationeel`);
  for (const viewport of [
    { width: 1280, height: 600 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(viewport);
    await expectNoScrolling(page, `verdeling met kalibratie at ${viewport.width}x${viewport.height}`);
  }
  await expectAccessible(page, 'verdeling met kalibratie');
  await screenshot(page, 'review-verdeling-kalibratie');

  await openTab(page, 'Wat als de cesuur anders is');
  await page.getByLabel('Cesuur', { exact: true }).fill('31');
  await page.getByRole('button', { name: 'Bereken' }).click();
  await expect(page.getByTestId('what-if-total')).toContainText('Met cesuur 31');
  const evidence = page.getByRole('region', { name: 'Wat de kalibratie zegt over deze cesuur' });
  await expect(evidence).toContainText(`Kalibratie van lbt-referentie ${pkg.version} · operationeel`);
  await expect(evidence.getByRole('definition').first()).toHaveText(/^-?\d+,\d{2} logit$/);
  await expect(evidence.getByTestId('what-if-accuracy')).toHaveText(/^\d{2}(,\d)?%$/);
  const table = evidence.getByRole('table', {
    name: 'Kans dat een kandidaat met deze score boven de cesuur hoort',
  });
  await expect(table.getByRole('columnheader')).toHaveText(['29', '30', '31', '32', '33']);
  await expect(table.getByRole('cell')).toHaveCount(5);
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1280, height: 600 },
  ]) {
    await page.setViewportSize(viewport);
    await expectNoScrolling(page, `wat als met kalibratie at ${viewport.width}x${viewport.height}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await expectAccessible(page, 'wat als met kalibratie');
  await screenshot(page, 'review-wat-als-kalibratie');
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

test('a pilot package gives no probability in the twijfelzone, and says its status', async ({ page }) => {
  const problems = watchPage(page);
  // The newest result of gemeente A becomes one of the pilot package (items/ itself, 2.1.0, not calibrated).
  const loaded = loadPackage(paths.items, readTrustPolicy(defaultTrustedPublishersFile, true));
  if (!loaded.ok) throw new Error('the pilot package does not load');
  const pilot = {
    packageHash: loaded.package.packageHash,
    definition: loaded.package.definition,
    items: [...loaded.package.items.values()],
  };
  await archivePackage(service.deps.db, pilot, new Date());
  const template = await service.deps.db
    .selectFrom('results')
    .selectAll()
    .where('gemeente', '=', GEMEENTE_A)
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();
  await service.deps.db
    .insertInto('results')
    .values({
      ...template,
      result_id: 'pilot-e2e',
      session_id: 'pilot-e2e',
      envelope_hash: 'pilot-e2e',
      package_hash: pilot.packageHash,
      closed_at: '2027-01-04T10:00:00.000Z',
    })
    .execute();
  const status = `lbt-referentie ${pilot.definition.version} · proefafname (geen advies)`;

  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  await openTab(page, 'Verdeling');
  const zone = page.getByRole('region', { name: 'Hoe zeker is een score in de twijfelzone' });
  await expect(zone.getByRole('note')).toHaveText(
    'Proefafname: bij deze versie hoort bij een score geen advies, dus ook geen kans per score.',
  );
  await expect(zone).toContainText(`Toetspakket ${status}.`);
  await expect(zone.getByRole('listitem')).toHaveCount(0);
  await expect(zone).not.toContainText('boven de cesuur');
  await expectNoScrolling(page, 'verdeling proefafname');
  await expectAccessible(page, 'verdeling proefafname');

  await openTab(page, 'Wat als de cesuur anders is');
  const evidence = page.getByRole('region', { name: 'Wat de kalibratie zegt over deze cesuur' });
  await expect(evidence).toContainText(`Kalibratie van ${status}`);
  await expect(evidence.getByRole('note')).toHaveText('Nog geen kalibratie voor deze versie.');
  await expect(evidence.getByRole('table')).toHaveCount(0);
  await expectNoScrolling(page, 'wat als proefafname');
  expect(problems).toEqual([]);
});
