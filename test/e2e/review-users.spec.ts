/**
 * The beheerder's "Gebruikers" view and the forced new-password screen, end to end: a real results service on
 * a temp SQLite file and the built dashboard in Chromium (build first: npx tsx scripts/build.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createUser } from '../../src/server/review/users';
import { startResultsService, type RunningService } from '../../src/server/start';
import { logIn, watchPage } from './review/page';
import { referencePackage } from './review/seed';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'een-lang-wachtwoord';
const TEMPORARY = 'tijdelijk-wachtwoord-1';
const CHOSEN = 'mijn-eigen-wachtwoord';

let service: RunningService;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lbt-review-users-e2e-'));
  service = await startResultsService({
    dataDir,
    databaseUrl: '',
    packages: [referencePackage()],
    logLevel: 'silent',
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
  for (const [username, role] of [
    ['b.beheer', 'beheerder'],
    ['c.consulent', 'consulent'],
    ['v.viewer', 'viewer'],
  ] as const) {
    await createUser(service.deps.db, new Date(), {
      username,
      gemeente: 'Utrecht',
      role,
      password: PASSWORD,
    });
  }
});

test.afterAll(async () => {
  await service?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a beheerder disables one account and resets another, which must then choose a new password', async ({
  page,
  browser,
}) => {
  const problems = watchPage(page);
  await logIn(page, service.url, 'b.beheer', PASSWORD);
  await page.getByRole('link', { name: 'Gebruikers' }).click();
  const row = (username: string) => page.locator(`tr[data-username="${username}"]`);
  await expect(row('c.consulent')).toContainText('Actief');

  await row('c.consulent').getByRole('button', { name: 'Uitschakelen' }).click();
  await expect(page.getByRole('status')).toContainText('c.consulent is uitgeschakeld');
  await expect(row('c.consulent')).toContainText('Uitgeschakeld');

  await row('v.viewer').getByRole('button', { name: 'Wachtwoord resetten' }).click();
  await row('v.viewer').getByLabel('Tijdelijk wachtwoord').fill(TEMPORARY);
  await row('v.viewer').getByRole('button', { name: 'Instellen' }).click();
  await expect(row('v.viewer')).toContainText('Moet nieuw wachtwoord kiezen');

  const other = await browser.newPage();
  const otherProblems = watchPage(other);
  await other.goto(`${service.url}/review/`);
  await other.getByLabel('Gebruikersnaam').fill('v.viewer');
  await other.getByLabel('Wachtwoord').fill(TEMPORARY);
  await other.getByRole('button', { name: 'Inloggen' }).click();
  await expect(other.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
  await other.getByLabel('Huidig (tijdelijk) wachtwoord').fill(TEMPORARY);
  await other.getByLabel('Nieuw wachtwoord', { exact: true }).fill(CHOSEN);
  await other.getByLabel('Nieuw wachtwoord nogmaals').fill(CHOSEN);
  await other.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(other.getByRole('navigation', { name: 'Onderdelen' })).toBeVisible();
  expect(otherProblems).toEqual([]);
  expect(problems).toEqual([]);
});
