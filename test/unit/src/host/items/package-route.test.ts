import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRenderer } from '../../../../../electron/main/app-protocol';
import { CALL_PATH, startChromiumHost, type RunningHost } from '../../../../../chromium-host/http-server';
import { createHandlers } from '../../../../../src/host/handlers';
import { PackageStore } from '../../../../../src/host/items/package-store';
import { createRouter } from '../../../../../src/host/router';
import { makeMiniPackage } from '../../../items/mini-package';

const TOKEN = 'package-route-token-0123456789';

async function startWith(packages: PackageStore): Promise<RunningHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'lbt-renderer-'));
  mkdirSync(join(rendererDir, 'kiosk'));
  writeFileSync(join(rendererDir, 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
  const router = createRouter(
    createHandlers({ version: '1.0.0', shell: 'chromium', packageId: () => packages.packageId(), packages }),
  );
  return startChromiumHost({ router, rendererDir, token: TOKEN, packageFile: (path) => packages.file(path) });
}

const call = (host: RunningHost, channel: string) =>
  fetch(`http://127.0.0.1:${host.port}${CALL_PATH}${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: '{}',
  });

/** The asset cookie the host hands out with every authenticated call, as the page's fetch would store it. */
async function assetCookie(host: RunningHost): Promise<string> {
  const setCookie = (await call(host, 'app.info')).headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  return setCookie.split(';')[0]!;
}

/** A raw GET whose path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(port: number, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers: { cookie } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a valid package served by the Chromium host', () => {
  const mini = makeMiniPackage();
  const packages = PackageStore.load(mini.dir, mini.trust());
  let host: RunningHost;
  let base: string;
  let cookie: string;
  const get = (path: string) => fetch(`${base}/package/${path}`, { headers: { cookie } });
  beforeAll(async () => {
    // Files that exist in the folder but are not package content must stay unreachable.
    writeFileSync(join(mini.dir, 'secret.txt'), 'not for the page');
    host = await startWith(packages);
    base = `http://127.0.0.1:${host.port}`;
    cookie = await assetCookie(host);
  });
  afterAll(() => host.close());

  it('package.get answers the package in definition order, and app.info names it', async () => {
    const response = await call(host, 'package.get');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; value: Record<string, unknown> };
    expect(body.ok).toBe(true);
    expect(body.value).toMatchObject({
      packageId: 'mini-test',
      version: '1.2.3',
      packageHash: packages.package!.packageHash,
      items: [{ id: 'wl-01' }, { id: 'zb-01' }],
      practice: [{ id: 'p-tap' }, { id: 'p-drag' }, { id: 'p-listen' }],
      instructions: [{ language: 'nl' }],
    });
    const info = (await (await call(host, 'app.info')).json()) as { value: { packageId: string } };
    expect(info.value.packageId).toBe('mini-test');
    // The page never receives an answer key: not of scored items, not of practice items.
    const items = body.value.items as Array<Record<string, unknown>>;
    const practice = body.value.practice as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThan(0);
    for (const item of [...items, ...practice]) {
      expect(item, String(item.id)).not.toHaveProperty('key');
      expect(item).toHaveProperty('opgave');
    }
    expect(packages.package!.items.get('wl-01')).toHaveProperty('key');
  });

  it('serves a listed file with its content type and the security headers', async () => {
    const response = await get('assets/ball.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(
      readFileSync(join(mini.dir, 'assets/ball.svg')),
    );
    const audio = await get('audio/bamo.wav');
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toContain('audio/wav');
  });

  it('serves nothing to a client without the asset cookie of this launch', async () => {
    const without = await fetch(`${base}/package/assets/ball.svg`);
    expect(without.status).toBe(401);
    expect(without.headers.get('content-type')).toContain('application/problem+json');
    const forged = await fetch(`${base}/package/assets/ball.svg`, {
      headers: { cookie: 'lbt-assets=guess' },
    });
    expect(forged.status).toBe(401);
    expect(await rawGet(host.port, '/package/assets/ball.svg', '')).toBe(401);
  });

  it('answers 404 for unlisted files, the manifest itself and anything outside', async () => {
    writeFileSync(join(mini.dir, 'assets/added-later.svg'), '<svg/>');
    for (const path of [
      'assets/added-later.svg',
      'secret.txt',
      'manifest.json',
      'manifest.sig',
      'assets/',
      '',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('answers 404 for path traversal, encoded or raw', async () => {
    for (const path of [
      '/package/../secret.txt',
      '/package/assets/../../secret.txt',
      '/package/%2e%2e/secret.txt',
      '/package/assets%2f..%2f..%2fsecret.txt',
      '/package/..%5c..%5csecret.txt',
      '/package//etc/passwd',
      '/package/%E0%A4%A',
    ]) {
      const status = await rawGet(host.port, path, cookie);
      expect([400, 404], path).toContain(status);
    }
  });

  it('stops serving a listed file that was changed on disk after the package was verified', async () => {
    expect((await get('assets/ball.svg')).status).toBe(200);
    const original = readFileSync(join(mini.dir, 'assets/ball.svg'));
    writeFileSync(join(mini.dir, 'assets/ball.svg'), Buffer.concat([original, Buffer.from(' ')]));
    try {
      expect((await get('assets/ball.svg')).status).toBe(404);
    } finally {
      writeFileSync(join(mini.dir, 'assets/ball.svg'), original);
    }
    expect((await get('assets/ball.svg')).status).toBe(200);
  });
});

describe('an invalid package', () => {
  it('leaves the host serving, package.get refused with the problems and no package files', async () => {
    const mini = makeMiniPackage();
    rmSync(join(mini.dir, 'manifest.sig'));
    const packages = PackageStore.load(mini.dir, mini.trust());
    const host = await startWith(packages);
    try {
      const response = await call(host, 'package.get');
      expect(response.status).toBe(409);
      const body = (await response.json()) as { ok: false; error: { code: string; message: string } };
      expect(body.error.code).toBe('rejected');
      expect(body.error.message).toMatch(/manifest\.sig: \$: unsigned package/);
      const info = (await (await call(host, 'app.info')).json()) as { value: { packageId: string | null } };
      expect(info.value.packageId).toBeNull();
      const files = await fetch(`http://127.0.0.1:${host.port}/package/assets/ball.svg`, {
        headers: { cookie: await assetCookie(host) },
      });
      expect(files.status).toBe(404);
    } finally {
      await host.close();
    }
  });
});

describe('the Electron app:// protocol serves the package likewise', () => {
  it('serves listed files under app://kiosk/package/ and nothing else', async () => {
    const mini = makeMiniPackage();
    const packages = PackageStore.load(mini.dir, mini.trust());
    writeFileSync(join(mini.dir, 'secret.txt'), 'not for the page');
    let handler: ((request: Request) => Promise<Response>) | null = null;
    const protocol = {
      handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (handler = fn),
    };
    serveRenderer(protocol as never, mkdtempSync(join(tmpdir(), 'lbt-renderer-')), (path) =>
      packages.file(path),
    );
    const get = (url: string) => handler!(new Request(url));
    const ok = await get('app://kiosk/package/assets/tree.svg');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/svg+xml');
    expect(await ok.text()).toBe(readFileSync(join(mini.dir, 'assets/tree.svg'), 'utf8'));
    for (const url of [
      'app://kiosk/package/secret.txt',
      'app://kiosk/package/manifest.json',
      'app://kiosk/package/%2e%2e/secret.txt',
      'app://kiosk/package/assets%2f..%2f..%2fsecret.txt',
      'app://other/package/assets/tree.svg',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });
});
