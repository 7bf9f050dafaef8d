/**
 * The gemeente's review dashboard end to end: a real results service on a temp SQLite file, filled through the
 * real ingest path, and the built dashboard in Chromium. The expected figures come from the seed plan
 * (test/e2e/review/expected.ts), never from the service.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startResultsService, type RunningService } from '../../src/server/start';
import { ResultListResponse } from '../../src/shared/review';
import {
  A_COMPLETED,
  BAND_LABELS,
  expectedBands,
  expectedChanged,
  expectedConform,
  expectedHistogram,
  ROUTE_COLUMNS,
} from './review/expected';
import {
  countIn,
  expectAccessible,
  expectNoScrolling,
  logIn,
  openTab,
  screenshot,
  SCREENSHOT_DIR,
  watchPage,
} from './review/page';
import { ReviewClient } from './review/review-client';
import { PASSWORD, referencePackage, seedService, USERS, type Seeded } from './review/seed';
import { GEMEENTE_B, MAX, SEED } from './review/seed-plan';

test.describe.configure({ mode: 'serial' });
// Dutch dates and numbers, as on a gemeente's laptop.
test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

let service: RunningService;
let dataDir: string;
let seeded: Seeded;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'lbt-review-e2e-'));
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

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  // A 1920x1080 laptop at Windows' 150% with the browser's bars: the dashboard zooms out to fit.
  { width: 1280, height: 600 },
];

/** Every view must fit these laptop windows without a scrollbar, and pass axe. */
async function checkView(page: Page, name: string): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expectNoScrolling(page, `${name} at ${viewport.width}x${viewport.height}`);
  }
  await page.setViewportSize(VIEWPORTS[0]!);
  await expectAccessible(page, name);
  await screenshot(page, `review-${name}`);
}

test('a consulent of gemeente A sees exactly the seeded histogram, band table and conform table', async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS[0]!);
  await page.goto(`${service.url}/review/`);
  await expectAccessible(page, 'login');
  await screenshot(page, 'review-login');
  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  await expect(page.getByText(`Gemeente ${USERS.consulentA.gemeente}`)).toBeVisible();
  await openTab(page, 'Verdeling');

  const histogram = await page
    .getByRole('table', { name: 'Aantal per score' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Number(row.querySelector('td')?.textContent)));
  expect(histogram).toEqual(expectedHistogram(A_COMPLETED));
  expect(histogram).toHaveLength(MAX + 1);
  // The bars themselves: one per score that occurs, drawn by recharts.
  const nonEmpty = expectedHistogram(A_COMPLETED).filter((count) => count > 0).length;
  await expect(page.locator('.recharts-bar-rectangle path')).toHaveCount(nonEmpty);
  await expect(page.getByText('cesuur 28', { exact: true })).toBeVisible();

  const bands = expectedBands(A_COMPLETED);
  for (const [index, label] of BAND_LABELS.entries()) {
    for (const [column, route] of ROUTE_COLUMNS.entries()) {
      expect(await countIn(page, 'Scoreband per leerroute', label, column), `${label} ${route}`).toBe(
        bands[index]![route],
      );
    }
    const rowTotal = ROUTE_COLUMNS.reduce((sum, route) => sum + bands[index]![route], 0);
    expect(await countIn(page, 'Scoreband per leerroute', label, 4)).toBe(rowTotal);
  }
  expect(await countIn(page, 'Scoreband per leerroute', 'Totaal', 4)).toBe(A_COMPLETED.length);

  const conform = expectedConform(A_COMPLETED);
  for (const [route, label] of [
    ['B1', 'B1-route'],
    ['O', 'Onderwijsroute'],
    ['Z', 'Z-route'],
  ] as const) {
    expect(await countIn(page, 'Conform of anders dan uitslag', label, 0), `${label} conform`).toBe(
      conform[route].conform,
    );
    expect(await countIn(page, 'Conform of anders dan uitslag', label, 1), `${label} anders`).toBe(
      conform[route].anders,
    );
  }
  const anders = conform.B1.anders + conform.O.anders + conform.Z.anders;
  expect(anders, 'the seed has deviations to show').toBeGreaterThan(0);
  expect(await countIn(page, 'Conform of anders dan uitslag', 'Totaal', 1)).toBe(anders);
  // 120 sittings are too few for a calibration: the twijfelzone gets no probabilities, and no line about them.
  await expect(page.getByText('Gegevens worden geladen…')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Hoe zeker is een score in de twijfelzone' })).toHaveCount(0);
  await checkView(page, 'verdeling');

  // The CSV buttons download the same figures with the session cookie.
  const href = await page.getByRole('link', { name: 'Download CSV' }).first().getAttribute('href');
  const csv = await page.request.get(new URL(href!, page.url()).toString());
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('28');
});

test('what-if cesuur 31 shows how many outcomes change', async ({ page }) => {
  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  await openTab(page, 'Wat als de cesuur anders is');
  await page.getByLabel('Cesuur', { exact: true }).fill('31');
  await page.getByRole('button', { name: 'Bereken' }).click();
  const changed = expectedChanged(A_COMPLETED, 31);
  expect(changed).toBeGreaterThan(0);
  await expect(page.getByTestId('what-if-total')).toContainText(
    `Met cesuur 31 krijgen ${changed} van de ${A_COMPLETED.length} uitslagen een andere uitkomst`,
  );
  // Only the 28-30 band changes when the cesuur moves from 28 to 31.
  const byBand = page.getByRole('table', { name: 'Per scoreband, met de nieuwe cesuur' });
  await expect(
    byBand.getByRole('row').filter({ hasText: 'Totaal' }).locator('[data-col="changed"]'),
  ).toHaveText(String(changed));
  // No calibration yet: one calm line naming the package, and the counts above stand.
  const evidence = page.getByRole('region', { name: 'Wat de kalibratie zegt over deze cesuur' });
  await expect(evidence).toContainText(
    `Kalibratie van lbt-referentie ${referencePackage().definition.version}`,
  );
  await expect(evidence.getByRole('note')).toHaveText('Nog geen kalibratie voor deze versie.');
  await checkView(page, 'wat-als');

  await page.getByLabel('Cesuur', { exact: true }).fill('41');
  await expect(page.getByRole('button', { name: 'Bereken' })).toBeDisabled();
});

test('conditions, reliability and the results list fit the screen and pass axe', async ({ page }) => {
  await logIn(page, service.url, USERS.beheerderA.username, PASSWORD);
  await openTab(page, 'Afnamecondities');
  await page.getByLabel('Splitsen naar').selectOption({ label: 'Tolk' });
  const withInterpreter = A_COMPLETED.filter((result) => result.interpreter).length;
  const card = page
    .getByRole('list', { name: 'Groepen: Tolk' })
    .getByRole('listitem')
    .filter({ hasText: /^Met tolk|^Ja/ });
  await expect(card.first()).toContainText(`n = ${withInterpreter}`);
  await page.getByLabel('Splitsen naar').selectOption({ label: 'Invoer (aanraken of muis)' });
  await checkView(page, 'condities');

  await openTab(page, 'Betrouwbaarheid');
  await expect(page.getByRole('table', { name: 'Opgaven 1 tot en met 10' })).toBeVisible();
  await checkView(page, 'betrouwbaarheid');

  await openTab(page, 'Uitslagen en leerroute');
  await expect(
    page.getByText(
      `${A_COMPLETED.length + SEED.filter((r) => r.gemeente !== GEMEENTE_B && r.status === 'aborted').length} uitslagen.`,
    ),
  ).toBeVisible();
  await checkView(page, 'uitslagen');
});

test("gemeente B's results never appear for A, and the API answers 404 for them", async ({ page }) => {
  const client = await ReviewClient.login(service.url, USERS.consulentA.username, PASSWORD);
  const list = ResultListResponse.parse(await (await client.get('results?limit=500')).json());
  const bRefs = SEED.filter((result) => result.gemeente === GEMEENTE_B).map((result) => result.candidateRef);
  expect(list.total).toBe(SEED.length - bRefs.length);
  expect(list.rows.filter((row) => bRefs.includes(row.candidateRef))).toEqual([]);

  const bId = seeded.ids.get(bRefs[0]!)!;
  expect((await client.get(`results/${bId}`)).status).toBe(404);
  expect((await client.put(`results/${bId}/leerroute`, { route: 'B1' })).status).toBe(404);

  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  await openTab(page, 'Uitslagen en leerroute');
  await expect(page.getByRole('table', { name: 'Uitslagen' })).not.toContainText(/\bB-\d{4}\b/);
  await page.goto(`${service.url}/review/#/uitslag/${bId}`);
  await expect(page.getByRole('alert')).toContainText('hoort niet bij gemeente');
});

test('the results pager holds while the next page loads, so a second click cannot skip one', async ({
  page,
}) => {
  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  await openTab(page, 'Uitslagen en leerroute');
  const pager = page.getByRole('navigation', { name: "Uitslagen: pagina's" });
  const next = pager.getByRole('button', { name: 'Volgende' });
  await expect(pager).toContainText('Pagina 1 van');

  // Hold the list's next answer in the test until it is let go.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/v1\/review\/results\?/, async (route) => {
    await held;
    await route.continue();
  });
  await next.click();
  // The rows of page 1 stay while page 2 loads (marked busy), and neither button counts from them.
  const firstRow = await page
    .getByRole('table', { name: 'Uitslagen' })
    .getByRole('rowheader')
    .first()
    .textContent();
  await expect(page.locator('.results-list .loaded')).toHaveAttribute('aria-busy', 'true');
  await expect(pager).toContainText('Pagina 2 van');
  await expect(next).toBeDisabled();
  await expect(pager.getByRole('button', { name: 'Vorige' })).toBeDisabled();
  await expect(page.getByRole('table', { name: 'Uitslagen' }).getByRole('rowheader').first()).toHaveText(
    firstRow!,
  );
  release();
  await expect(page.locator('.results-list .loaded')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('table', { name: 'Uitslagen' }).getByRole('rowheader').first()).not.toHaveText(
    firstRow!,
  );
  await expect(next).toBeEnabled();
  await page.unroute(/\/v1\/review\/results\?/);
});

test('a deviating leerroute without a reason is refused by the form and by the API', async ({ page }) => {
  // A completed result of A with a score from the cesuur and no route yet: placing it in Z deviates.
  const target = A_COMPLETED.find((result) => result.raw >= 28 && !result.route)!;
  const id = seeded.ids.get(target.candidateRef)!;

  const client = await ReviewClient.login(service.url, USERS.consulentA.username, PASSWORD);
  const refused = await client.put(`results/${id}/leerroute`, { route: 'Z' });
  expect(refused.status).toBe(422);
  const noCsrf = await client.send('PUT', `results/${id}/leerroute`, { route: 'B1' }, false);
  expect(noCsrf.status).toBe(403);

  await page.setViewportSize(VIEWPORTS[0]!);
  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  await openTab(page, 'Uitslagen en leerroute');
  // A consulent finds the candidate by reference: no paging through the gemeente's results.
  const search = page.getByLabel('Kandidaat', { exact: true });
  await search.fill('X-0000');
  await expect(page.getByText('Geen uitslag met een kandidaatnummer dat begint met ‘X-0000’')).toBeVisible();
  await search.fill(target.candidateRef.toLowerCase());
  const rows = page.getByRole('table', { name: 'Uitslagen' }).getByRole('rowheader');
  await expect(rows).toHaveText([target.candidateRef]);
  await page.getByRole('button', { name: `Leerroute vastleggen voor ${target.candidateRef}` }).click();
  const form = page.getByRole('form', { name: 'Leerroute vastleggen' });
  await form.getByLabel('Z-route').check();
  await expect(form.getByText('wijkt af van de uitslag').first()).toBeVisible();
  await form.getByRole('button', { name: 'Leerroute vastleggen' }).click();
  await expect(form.getByRole('alert')).toContainText('Kies een reden');
  await screenshot(page, 'review-leerroute-geweigerd');
  // Still nothing recorded: the service was not asked.
  const before = expectedConform(A_COMPLETED).Z.anders;
  const conformTable = 'Conform of anders dan uitslag';
  expect(await countIn(page, conformTable, 'Z-route', 1)).toBe(before);

  await form.getByLabel('Reden').selectOption('medisch');
  await form.getByLabel('Toelichting').fill('Kan door een operatie een jaar geen les volgen.');
  await form.getByRole('button', { name: 'Leerroute vastleggen' }).click();
  await expect(form.getByRole('status')).toContainText('Z-route vastgelegd (anders dan uitslag)');
  await expect.poll(() => countIn(page, conformTable, 'Z-route', 1)).toBe(before + 1);
  await checkView(page, 'leerroute');

  // The printable sheet of that result, with the wording the PIP needs.
  await page.goto(`${service.url}/review/#/uitslag/${id}`);
  await expect(
    page.getByText('“B1-route niet haalbaar” betekent niet automatisch de Z-route.'),
  ).toBeVisible();
  await expect(page.getByText('Reden: Medische redenen')).toBeVisible();
  await checkView(page, 'uitslagblad');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'review-uitslagblad-print');
  // On paper the sheet is one A4 page for the PIP file.
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  // Printed from a small window, the window's zoom-out does not shrink the sheet on paper.
  await page.setViewportSize({ width: 1280, height: 600 });
  await expect.poll(() => page.evaluate(() => document.documentElement.style.zoom)).not.toBe('');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).zoom)).toBe('1');
});
