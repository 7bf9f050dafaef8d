/** Page helpers for the review dashboard specs: logging in, the no-scrolling check, axe, screenshots. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = 'test-results/review-screens';

/**
 * Collects what must never happen on the page: uncaught errors, console errors (a CSP violation is one) and
 * failed requests other than the 401 of the logged-out session probe.
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[134]/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  return problems;
}

export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/review/`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name }).click();
  await expect(page.getByRole('main', { name })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/**
 * Nothing on the page scrolls or is cut off: the document fits the window, and no region inside it is
 * taller or wider than its box (a scroll container would show a scrollbar). Checked once the layout has
 * settled after a window change: the charts measure their new box a frame or two after the resize, and a
 * chart still at the width of a larger window would count as overflow it never shows.
 */
export async function expectNoScrolling(page: Page, where: string): Promise<void> {
  await expect.poll(() => overflowing(page), { message: `overflow on ${where}` }).toEqual([]);
}

function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollHeight > root.clientHeight + 1 || root.scrollWidth > root.clientWidth + 1)
      found.push(
        `document ${root.scrollWidth}x${root.scrollHeight} in ${root.clientWidth}x${root.clientHeight}`,
      );
    for (const element of document.querySelectorAll<HTMLElement>('.view, .filters, .panel, .sheet, .cards')) {
      if (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)
        found.push(
          `${element.className} "${element.getAttribute('aria-labelledby') ?? ''}" ${element.scrollWidth}x${element.scrollHeight} in ${element.clientWidth}x${element.clientHeight}`,
        );
    }
    return found;
  });
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(bad, `axe on ${where}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/** The number shown in a figures-table cell (the count, without its percentage). */
export async function countIn(page: Page, table: string, row: string, column: number): Promise<number> {
  const cell = page
    .getByRole('table', { name: table, exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
    .getByRole('cell')
    .nth(column);
  const text = (await cell.locator('.count').first().textContent()) ?? '';
  return Number(text.replace(/\./g, ''));
}
