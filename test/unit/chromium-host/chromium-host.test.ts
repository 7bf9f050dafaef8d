import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_PATH, startChromiumHost, type RunningHost } from '../../../chromium-host/http-server';
import { chromiumKioskArgs } from '../../../chromium-host/launch-browser';
import { parseXdpyinfo } from '../../../chromium-host/screen-size';
import { tokenMatches } from '../../../chromium-host/token';
import { createHandlers } from '../../../src/host/handlers';
import { createRouter } from '../../../src/host/router';

const TOKEN = 'test-token-0123456789';
let host: RunningHost;
let base: string;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'lbt-renderer-'));
  mkdirSync(join(rendererDir, 'kiosk'));
  writeFileSync(join(rendererDir, 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
  const router = createRouter(createHandlers({ version: '9.9.9', shell: 'chromium', packageId: () => null }));
  host = await startChromiumHost({ router, rendererDir, token: TOKEN });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(() => host.close());

const call = (channel: string, body: string, token: string | null = TOKEN) =>
  fetch(base + CALL_PATH + channel, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });

describe('Chromium host over loopback HTTP', () => {
  it('binds 127.0.0.1 and hands the token over in the URL fragment only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kiosk\/$/);
    expect(host.launchUrl).toBe(`${host.url}#lbt-token=${TOKEN}`);
  });

  it('refuses a call without the token, or with a wrong one, with 401', async () => {
    const missing = await call('app.info', '{}', null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect((await call('app.info', '{}', 'wrong-token-0123456789')).status).toBe(401);
  });

  it('answers a contract call with the token', async () => {
    const response = await call('app.info', '{}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      value: {
        version: '9.9.9',
        shell: 'chromium',
        lockdown: 'reduced',
        packageId: null,
        demo: false,
        demoOffered: false,
      },
    });
  });

  it('returns a typed error, not a crash, for a payload that fails its schema or is not JSON', async () => {
    const wrongShape = await call('app.info', '{"extra":1}');
    expect(wrongShape.status).toBe(400);
    expect(await wrongShape.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const notJson = await call('app.info', '{"broken');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const unknown = await call('app.gone', '{}');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    // The host is still serving after all of that.
    expect((await call('app.info', '{}')).status).toBe(200);
  });

  it('serves the kiosk page with the CSP and security headers', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('token and launch flags', () => {
  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'Bearer abc')).toBe(true);
    expect(tokenMatches('abc', 'Bearer abd')).toBe(false);
    expect(tokenMatches('abc', 'Bearer ab')).toBe(false);
    expect(tokenMatches('abc', 'abc')).toBe(false);
    expect(tokenMatches('abc', undefined)).toBe(false);
  });

  it('opens Chromium in kiosk app mode, without its sandbox only when running as root', () => {
    const args = chromiumKioskArgs('file:///tmp/p/lbt-launch.html', '/tmp/p', false);
    expect(args).toEqual(
      expect.arrayContaining(['--kiosk', '--app=file:///tmp/p/lbt-launch.html', '--user-data-dir=/tmp/p']),
    );
    expect(args).toEqual(
      expect.arrayContaining([
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--block-new-web-contents',
      ]),
    );
    expect(args).not.toContain('--no-sandbox');
    expect(chromiumKioskArgs('u', '/tmp/p', true)).toContain('--no-sandbox');
  });

  it('covers the whole X screen when its size is known (no window manager makes --kiosk fill it)', () => {
    const screen = parseXdpyinfo('screen #0:\n  dimensions:    1920x1080 pixels (488x274 millimeters)\n');
    expect(screen).toEqual({ width: 1920, height: 1080 });
    expect(chromiumKioskArgs('u', '/tmp/p', false, screen)).toEqual(
      expect.arrayContaining(['--window-position=0,0', '--window-size=1920,1080']),
    );
    expect(parseXdpyinfo('no screen here')).toBeNull();
    expect(chromiumKioskArgs('u', '/tmp/p', false).some((arg) => arg.startsWith('--window-size'))).toBe(
      false,
    );
  });
});
