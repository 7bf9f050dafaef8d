import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumKioskArgs, writeLaunchPage } from '../../chromium-host/launch-browser';
import { expect, test } from './fixtures';

test.describe('the Chromium shell', () => {
  test('the page reads window.lbt.app.info and shows the shell kind', async ({ kiosk }) => {
    await expect(kiosk.getByTestId('shell-kind')).toHaveText('Chromium-shell (beperkte lockdown)');
    const info = await kiosk.evaluate(() => window.lbt.app.info());
    expect(info).toMatchObject({ ok: true, value: { shell: 'chromium', lockdown: 'reduced' } });
    // Chromium must never offer to machine-translate the fixed instructions.
    await expect(kiosk.locator('html')).toHaveAttribute('translate', 'no');
    await expect(kiosk.locator('meta[name="google"]')).toHaveAttribute('content', 'notranslate');
    // The token left the address bar once the page took it.
    expect(new URL(kiosk.url()).hash).toBe('');
  });

  test('a call whose payload fails its schema returns a typed error and the page keeps working', async ({
    kiosk,
  }) => {
    await expect(kiosk.getByTestId('shell-kind')).toBeVisible();
    const bad = await kiosk.evaluate(() =>
      (window.lbt.app.info as unknown as (request: unknown) => Promise<unknown>)({ surprise: true }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: '$' }] } });
    await expect(kiosk.evaluate(() => window.lbt.app.info())).resolves.toMatchObject({ ok: true });
  });

  test('a reload keeps the tab working; a request without the token is refused with 401', async ({
    kiosk,
    host,
  }) => {
    await kiosk.reload();
    await expect(kiosk.getByTestId('shell-kind')).toHaveAttribute('data-shell', 'chromium');
    const response = await kiosk.request.post(new URL('/lbt/v1/call/app.info', host.url).toString(), {
      data: {},
    });
    expect(response.status()).toBe(401);
  });

  test('the host says plainly that lockdown is reduced', async ({ host }) => {
    expect(host.output.join('\n')).toMatch(/Chromium shell with REDUCED lockdown/);
  });

  test('the kiosk browser gets the token from its 0600 launch page, never from its command line', async ({
    page,
    host,
  }) => {
    const profile = mkdtempSync(join(tmpdir(), 'lbt-kiosk-profile-'));
    try {
      const launchPage = pathToFileURL(writeLaunchPage(profile, host.launchUrl)).href;
      const token = new URLSearchParams(new URL(host.launchUrl).hash.slice(1)).get('lbt-token')!;
      expect(chromiumKioskArgs(launchPage, profile, false).join(' ')).not.toContain(token);
      await page.goto(launchPage);
      await expect(page.getByTestId('shell-kind')).toHaveAttribute('data-shell', 'chromium');
      expect(page.url()).toBe(host.url);
      await expect(page.evaluate(() => window.lbt.app.info())).resolves.toMatchObject({ ok: true });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('window.open from the page opens nothing', async ({ kiosk, context }) => {
    await expect(kiosk.getByTestId('shell-kind')).toBeVisible();
    const pagesBefore = context.pages().length;
    const opened = await kiosk.evaluate(() => window.open('about:blank', '_blank') === null);
    expect(opened).toBe(true);
    await kiosk.waitForTimeout(300);
    expect(context.pages()).toHaveLength(pagesBefore);
  });
});
