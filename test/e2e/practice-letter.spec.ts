/**
 * The invitation letter (issue 21) from the dashboard of a real results service: for nl, ar and ti the printed
 * letter's QR code, decoded from a picture of the page as it prints, opens the practice app in that language;
 * the Arabic letter runs right to left; the facts carry labels and a date in the candidate's language (a numeric
 * date for Tigrinya, which Chromium cannot spell); the PDF is one page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { createUser } from '../../src/server/review/users';
import { startResultsService, type RunningService } from '../../src/server/start';
import { practiceAppUrl } from '../../src/shared/practice/content';
import { LETTER_LABELS } from '../../renderer/review/letter-text';
import { instructionsFor } from './candidate/session';
import { expectAccessible, expectNoScrolling, logIn, watchPage } from './review/page';
import { PASSWORD, referencePackage } from './review/seed';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

let service: RunningService;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lbt-letter-e2e-'));
  service = await startResultsService({
    dataDir,
    databaseUrl: '',
    packages: [referencePackage()],
    logLevel: 'silent',
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
  await createUser(service.deps.db, service.deps.now(), {
    username: 'consulent.brief',
    gemeente: 'Testdorp',
    role: 'consulent',
    password: PASSWORD,
  });
});

test.afterAll(async () => {
  await service?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object per page. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

test('a consulent prints the letter in nl, ar and ti with a QR code to the practice app', async ({
  page,
}) => {
  const problems = watchPage(page);
  await logIn(page, service.url, 'consulent.brief', PASSWORD);
  await page.getByRole('link', { name: 'Uitnodigingsbrief' }).click();
  const main = page.getByRole('main', { name: 'Uitnodigingsbrief' });
  await expect(main).toBeVisible();
  await main.getByLabel('Datum').fill('2027-01-14');
  await main.getByLabel('Tijd').fill('10:30');
  await main.getByLabel('Plaats').fill('Stadskantoor, Marktplein 1');

  for (const language of ['nl', 'ar', 'ti'] as const) {
    await page.emulateMedia({ media: 'screen' });
    await main.getByLabel('Taal').selectOption(language);
    const letter = page.locator(`article.letter[data-language="${language}"]`);
    await expect(letter).toBeVisible();
    await expect(letter).toContainText('Stadskantoor, Marktplein 1');
    await expectNoScrolling(page, `letter ${language}`);
    await expectAccessible(page, `letter ${language}`);

    // On paper: decode the QR code from a picture of the letter as it prints.
    await page.emulateMedia({ media: 'print' });
    const png = PNG.sync.read(await letter.screenshot({ scale: 'device' }));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data, `QR code on the ${language} letter`).toBe(practiceAppUrl(service.url, language));

    // Right to left where the language is: pictogram, label, value from the right, the section runs rtl.
    const candidate = letter.getByTestId('letter-candidate');
    const direction = await candidate.evaluate((element) => getComputedStyle(element).direction);
    expect(direction).toBe(language === 'ar' ? 'rtl' : 'ltr');
    const fact = candidate.locator('.letter-facts li[data-fact="date"]');
    const icon = (await fact.locator('svg').boundingBox())!;
    const label = (await fact.locator('.fact-label').boundingBox())!;
    const value = (await fact.locator('.fact-value').boundingBox())!;
    if (language === 'ar') expect([icon.x > label.x, label.x > value.x]).toEqual([true, true]);
    else expect([icon.x < label.x, label.x < value.x]).toEqual([true, true]);

    // The candidate's half in the candidate's words: the labels, the date, the day and privacy texts.
    const labels = LETTER_LABELS[language];
    for (const field of ['date', 'time', 'place', 'bring'] as const)
      await expect(candidate.locator(`li[data-fact="${field}"] .fact-label`)).toHaveText(labels[field]);
    const texts = instructionsFor(language).texts;
    await expect(candidate).toContainText(texts['home.day'].text);
    await expect(candidate).toContainText(texts['home.private'].text);
    const date = fact.locator('.fact-value');
    if (language === 'ti') await expect(date).toHaveText('14-01-2027');
    else if (language === 'ar') await expect(date).toContainText('يناير');
    else await expect(date).toHaveText('donderdag 14 januari 2027');
    if (language !== 'nl') await expect(candidate).not.toContainText('januari');
    // The Dutch part for the helper stays left to right in every letter.
    await expect(letter.locator('.letter-dutch')).toHaveAttribute('dir', 'ltr');

    expect(pageCount(await page.pdf({ format: 'A4' })), `pages of the ${language} letter`).toBe(1);
  }
  expect(problems).toEqual([]);
});

test('a viewer gets no letter', async ({ page }) => {
  await createUser(service.deps.db, service.deps.now(), {
    username: 'kijker.brief',
    gemeente: 'Testdorp',
    role: 'viewer',
    password: PASSWORD,
  });
  await logIn(page, service.url, 'kijker.brief', PASSWORD);
  await expect(page.getByRole('link', { name: 'Uitnodigingsbrief' })).toHaveCount(0);
  await page.goto(`${service.url}/review/#/uitnodiging`);
  await expect(page.getByRole('main', { name: 'Uitnodigingsbrief' })).toHaveCount(0);
});
