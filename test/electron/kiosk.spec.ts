import { _electron as electron, expect, test } from '@playwright/test';
import { resolve } from 'node:path';

const executablePath = process.env.LBT_ELECTRON_PATH;
const root = resolve(import.meta.dirname, '../..');

test.skip(!executablePath, 'LBT_ELECTRON_PATH is not set: no Electron binary to run');

test('the Electron shell exposes exactly the contract and nothing of Node', async () => {
  const app = await electron.launch({ executablePath: executablePath!, args: [root] });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('shell-kind')).toHaveAttribute('data-shell', 'electron');
    const shape = await page.evaluate(() => ({
      keys: Object.keys(window.lbt),
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
    }));
    expect(shape).toEqual({ keys: ['app'], hasRequire: false, hasProcess: false });
    await page.evaluate(() => window.location.assign('https://example.org/'));
    await expect(page).toHaveURL(/^app:\/\/kiosk\//);
  } finally {
    await app.close();
  }
});
