/** Every error is a problem document; limits, headers, health, and the key surviving a restart. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../../src/server/app';
import { enrollDevice, newDevice, postResult, signedResult } from '../../support/results-service';
import { countResults, DB_KINDS, startTestService, type TestService } from './harness';
import { expectProblemResponse } from './problems';

describe.each(DB_KINDS)('hardening on %s', (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(() => service.stop());

  it('answers health with nothing but ok (no version, no database kind) and security headers', async () => {
    const response = await fetch(`${service.url}/v1/health`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'ok' });
    expect(text).not.toContain(kind);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('answers unknown paths (404) and wrong methods (405 with Allow) as problems', async () => {
    await expectProblemResponse(await fetch(`${service.url}/v2/nothing`), 404, 'not-found');
    const wrong = await fetch(`${service.url}/v1/results`, { method: 'GET' });
    expect(wrong.headers.get('allow')).toBe('POST');
    await expectProblemResponse(wrong, 405, 'not-found');
    await expectProblemResponse(
      await fetch(`${service.url}/v1/health`, { method: 'DELETE' }),
      405,
      'not-found',
    );
  });

  it('refuses an oversized body (413), a wrong content type (415), bad and empty JSON (400)', async () => {
    const before = await countResults(service);
    const huge = JSON.stringify({ payload: 'x'.repeat(BODY_LIMIT) });
    await expectProblemResponse(await rawPost(huge, 'application/json'), 413, 'too-large');
    await expectProblemResponse(await rawPost('{}', 'text/plain'), 415, 'unsupported-media-type');
    await expectProblemResponse(
      await rawPost('a=1', 'application/x-www-form-urlencoded'),
      415,
      'unsupported-media-type',
    );
    await expectProblemResponse(await rawPost('{"payload":', 'application/json'), 400, 'bad-json');
    await expectProblemResponse(await rawPost('', 'application/json'), 400, 'bad-json');
    await expectProblemResponse(await rawPost('[1,2]', 'application/json'), 400, 'invalid');
    await expectProblemResponse(await rawPost('"\\ud800"', 'application/json'), 400, 'invalid');
    expect(await countResults(service)).toBe(before);
  });

  const rawPost = (body: string, contentType: string) =>
    fetch(`${service.url}/v1/results`, { method: 'POST', headers: { 'content-type': contentType }, body });
});

describe.each(DB_KINDS)('rate limits and restarts on %s', (kind) => {
  it('limits each device separately and answers 429 as a problem', async () => {
    const service = await startTestService(kind, { rateLimit: { max: 4, timeWindowMs: 60_000 } });
    try {
      const busy = newDevice();
      const calm = newDevice();
      await enrollDevice(service.url, service.deps, busy);
      await enrollDevice(service.url, service.deps, calm);
      // The enrollment request names the device too: it is the first of its 4.
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postResult(service.url, signedResult(busy))).status);
      expect(statuses).toEqual([201, 201, 201]);
      const limited = await fetch(`${service.url}/v1/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(signedResult(busy)),
      });
      await expectProblemResponse(limited, 429, 'rate-limited');
      // The other kiosk is keyed by its own device id (from the body), so it is not slowed down.
      expect((await postResult(service.url, signedResult(calm))).status).toBe(201);
    } finally {
      await service.stop();
    }
  });

  it('keeps its server key and results across a restart on the same data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lbt-server-restart-'));
    const first = await startTestService(kind, { dataDir });
    const device = newDevice();
    const key = (await enrollDevice(first.url, first.deps, device)).serverKey;
    const envelope = signedResult(device);
    const stored = await postResult(first.url, envelope);
    const databaseUrl = kind === 'postgres' ? await databaseUrlOf(first) : undefined;
    await first.stop();
    const second = await startTestService(kind, { dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      const again = await postResult(second.url, envelope);
      expect(again.status).toBe(200);
      expect(again.json.receipt).toEqual(stored.json.receipt);
      expect((again.json.receipt as { keyId: string }).keyId).toBe(key.keyId);
    } finally {
      await second.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function databaseUrlOf(service: TestService): Promise<string> {
  const { sql } = await import('kysely');
  const row = await sql<{
    name: string;
    port: number;
  }>`select current_database() as name, inet_server_port() as port`.execute(service.deps.db);
  const { name, port } = row.rows[0]!;
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}
