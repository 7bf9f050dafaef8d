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
});
