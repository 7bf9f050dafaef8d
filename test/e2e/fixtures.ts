import { test as base, expect, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from './host-process';

/** A real host process per worker, and a page opened on its launch URL (token in the fragment). */
export const test = base.extend<{ kiosk: Page }, { host: HostProcess }>({
  host: [
    // Playwright reads a fixture's dependencies from this destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startHostProcess();
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
  kiosk: async ({ page, host }, use) => {
    await page.goto(host.launchUrl);
    await use(page);
  },
});

export { expect };
