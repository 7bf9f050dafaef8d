/**
 * Each review role sees exactly its views (issue 20, item 3): a consulent the result tabs; the privacy officer
 * the audit log, the retention period and data-subject requests, and no result; the analist only the national
 * view ("Landelijk beeld": totals over gemeenten, counts under 10 hidden). Real service on a temp SQLite file, real ingest, the built dashboard in Chromium; every privacy
 * view fits 1366x768 without a scrollbar and passes axe.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createUser } from '../../src/server/review/users';
import { startResultsService, type RunningService } from '../../src/server/start';
import {
  expectAccessible,
  expectNoScrolling,
  logIn,
  openTab,
  SCREENSHOT_DIR,
  screenshot,
} from './review/page';
import { PASSWORD, referencePackage, seedService, USERS } from './review/seed';
import { ReviewClient } from './review/review-client';
import { GEMEENTE_A, GEMEENTE_B, SEED } from './review/seed-plan';
import { ResultListResponse } from '../../src/shared/review';

test.describe.configure({ mode: 'serial' });
test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1366, height: 768 } });

let service: RunningService;
let dataDir: string;

test.beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'lbt-review-roles-'));
  service = await startResultsService({
    dataDir,
    databaseUrl: '',
    packages: [referencePackage()],
    logLevel: 'silent',
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
  await seedService(service.url, service.deps, referencePackage());
  await createUser(service.deps.db, service.deps.now(), {
    username: 'privacy.a',
    gemeente: GEMEENTE_A,
    role: 'privacy',
    password: PASSWORD,
  });
  await createUser(service.deps.db, service.deps.now(), {
    username: 'analist',
    role: 'analist',
    password: PASSWORD,
  });
});

test.afterAll(async () => {
  await service?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function tabNames(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link').allTextContents();
}

test('a consulent sees the result tabs and none of the privacy views', async ({ page }) => {
  await logIn(page, service.url, USERS.consulentA.username, PASSWORD);
  expect(await tabNames(page)).toEqual([
    'Verdeling',
    'Wat als de cesuur anders is',
    'Afnamecondities',
    'Betrouwbaarheid',
    'Uitslagen en leerroute',
    'Afwijkende afnames',
  ]);
});

test('the privacy officer sees the audit log, retention and requests, and no result', async ({ page }) => {
  // A consulent opens the newest result's sheet in the dashboard first, so the log has an entry about it.
  const api = await ReviewClient.login(service.url, USERS.consulentA.username, PASSWORD);
  const newest = ResultListResponse.parse(await (await api.get('results?limit=1')).json()).rows[0]!;
  const ref = newest.candidateRef;
  const consulent = await page.context().browser()!.newPage();
  await logIn(consulent, service.url, USERS.consulentA.username, PASSWORD);
  await consulent.goto(`${service.url}/review/#/uitslagen`);
  await consulent.getByRole('link', { name: `Uitslagblad van ${ref}` }).click();
  await expect(consulent.getByRole('heading', { name: 'Uitslag leerbaarheidstoets' })).toBeVisible();
  await consulent.close();

  await logIn(page, service.url, 'privacy.a', PASSWORD);
  expect(await tabNames(page)).toEqual(['Auditlog', 'Bewaartermijn', 'Inzage- en verwijderverzoeken']);
  await expect(page.getByRole('complementary')).toHaveCount(0);

  await openTab(page, 'Auditlog');
  await expect(
    page.getByRole('table', { name: 'Auditlog' }).getByText('Uitslag ingezien').first(),
  ).toBeVisible();
  await expectNoScrolling(page, 'auditlog');
  await expectAccessible(page, 'auditlog');
  await screenshot(page, 'review-auditlog');

  await openTab(page, 'Bewaartermijn');
  await expect(page.getByText(/48 maanden na de afname/)).toBeVisible();
  await expectNoScrolling(page, 'bewaartermijn');
  await expectAccessible(page, 'bewaartermijn');

  await openTab(page, 'Inzage- en verwijderverzoeken');
  await page.getByLabel('Kandidaatreferentie').fill(ref);
  await page.getByRole('button', { name: 'Opzoeken' }).click();
  await expect(page.getByText(/1 uitslag\(en\) en \d+ auditregel\(s\) over/)).toBeVisible();
  await expectNoScrolling(page, 'inzageverzoek');
  await expectAccessible(page, 'inzageverzoek');
  await screenshot(page, 'review-inzageverzoek');

  // The result tabs' addresses give the privacy officer nothing of them.
  await page.goto(`${service.url}/review/#/verdeling`);
  await expect(page.getByRole('main', { name: 'Auditlog' })).toBeVisible();
});

test('the analist sees only the national view, in totals with small counts hidden', async ({ page }) => {
  const completed = (gemeente?: string) =>
    SEED.filter((r) => r.status === 'completed' && (!gemeente || r.gemeente === gemeente)).length;
  await logIn(page, service.url, 'analist', PASSWORD);
  expect(await tabNames(page)).toEqual(['Landelijk beeld']);
  const main = page.getByRole('main', { name: 'Landelijk beeld' });
  await expect(main.getByRole('heading', { name: 'Ruwe scores' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Scoreband per leerroute' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Uitslagen per afnameconditie' })).toBeVisible();
  await expect(main.getByText('Alle gemeenten (2)')).toBeVisible();
  await expect(main.getByText(`${completed()} afgeronde toetsen`)).toBeVisible();
  await expect(main.getByRole('table', { name: 'Conform of anders dan uitslag' })).toBeVisible();
  await expect(main.getByText('< 10').first()).toBeVisible();
  // Nothing row-level to open: no result links, no result tabs.
  await expect(page.getByRole('link', { name: /Uitslagblad/ })).toHaveCount(0);
  await expectNoScrolling(page, 'landelijk');
  await expectAccessible(page, 'landelijk');
  await screenshot(page, 'review-landelijk');

  // One gemeente, then a condition split.
  await main.getByLabel('Gemeente toevoegen').fill(GEMEENTE_B);
  await main.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(main.getByText('1 van 2 gemeenten')).toBeVisible();
  const small = completed(GEMEENTE_B);
  await expect(main.getByText(`${small >= 10 ? small : '< 10'} afgeronde toetsen`)).toBeVisible();
  await main.getByLabel('Splitsen naar').selectOption({ label: 'Tolk' });
  await expect(main.getByRole('table', { name: 'Groepen: Tolk' })).toBeVisible();
  await expectNoScrolling(page, 'landelijk, een gemeente');
  await expectAccessible(page, 'landelijk, een gemeente');
  // A backwards period is said in Dutch, not sent.
  await main.getByLabel('Van').fill('2026-12');
  await main.getByLabel('Tot en met').fill('2026-01');
  await expect(main.getByRole('alert')).toHaveText('“Van” ligt na “tot en met”. Nu telt de hele periode.');
  await expectNoScrolling(page, 'landelijk, periode achteruit');
  await main.getByLabel('Van').fill('');
  await expect(main.getByRole('alert')).toHaveCount(0);
  await main.getByRole('button', { name: 'Weer alle gemeenten' }).click();
  await expect(main.getByText('Alle gemeenten (2)')).toBeVisible();

  // A gemeente view's address shows the analist nothing else.
  await page.goto(`${service.url}/review/#/verdeling`);
  await expect(page.getByRole('main', { name: 'Landelijk beeld' })).toBeVisible();
  expect(await tabNames(page)).toEqual(['Landelijk beeld']);
});
