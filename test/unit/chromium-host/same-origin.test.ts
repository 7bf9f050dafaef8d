import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_PATH, startChromiumHost, type RunningHost } from '../../../chromium-host/http-server';
import { createHandlers } from '../../../src/host/handlers';
import { createRouter } from '../../../src/host/router';
import { openRaw } from './ws-test-client';

const TOKEN = 'test-token-0123456789';
let host: RunningHost;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'lbt-renderer-'));
  mkdirSync(join(rendererDir, 'kiosk'));
  writeFileSync(join(rendererDir, 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
  const router = createRouter(createHandlers({ version: '9.9.9', shell: 'chromium', packageId: () => null }));
  host = await startChromiumHost({ router, rendererDir, token: TOKEN });
});
afterAll(() => host.close());

/** A POST with the right token and the given Host/Origin (fetch cannot set Host, so plain node:http). */
function post(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: CALL_PATH + 'app.info',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('calls answer only the kiosk page', () => {
  it('answers the page: its own origin, or no origin at all (not a web page), at 127.0.0.1:<port>', async () => {
    expect((await post({ Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  it('refuses a foreign origin and a foreign Host (DNS rebinding) with 403 and a clear reason, token or not', async () => {
    for (const origin of ['https://example.org', `http://localhost:${host.port}`, 'null']) {
      const answer = await post({ Origin: origin });
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body).detail, origin).toContain('only for the kiosk page');
    }
    for (const name of [`evil.example:${host.port}`, `localhost:${host.port}`, '127.0.0.1:1']) {
      const answer = await post({ Host: name });
      expect(answer.status, name).toBe(403);
      expect(JSON.parse(answer.body).detail, name).toContain(`only at 127.0.0.1:${host.port}`);
    }
  });

  it('refuses a WebSocket handshake from a foreign origin or host, and accepts the page', async () => {
    const protocols = ['lbt.v1', `lbt-token.${TOKEN}`];
    const foreign = await openRaw(host.port, { protocols, origin: 'https://example.org' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).detail).toContain('only for the kiosk page');
    const rebound = await openRaw(host.port, { protocols, host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(403);
    await Promise.all([foreign.closed, rebound.closed]);
    const page = await openRaw(host.port, { protocols, origin: `http://127.0.0.1:${host.port}` });
    expect(page.status).toBe(101);
    page.socket.destroy();
  });
});
