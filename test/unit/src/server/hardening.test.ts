/** Every error is a problem document; limits, headers, health, and the key surviving a restart. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../../../src/server/app';
import { enrollDevice, newDevice, postResult, signedResult } from '../../../support/results-service';
import { countResults, DB_KINDS, startTestService, type TestService } from '../../../support/server-harness';
import { expectProblemResponse } from '../../../support/server-problems';

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
  it('limits each verified device separately and answers 429 as a problem with Retry-After', async () => {
    const service = await startTestService(kind, { rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const busy = newDevice();
      const calm = newDevice();
      await enrollDevice(service.url, service.deps, busy);
      await enrollDevice(service.url, service.deps, calm);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postResult(service.url, signedResult(busy))).status);
      expect(statuses).toEqual([201, 201, 201]);
      const limited = await fetch(`${service.url}/v1/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(signedResult(busy)),
      });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectProblemResponse(limited, 429, 'rate-limited');
      // The other kiosk has its own budget.
      expect((await postResult(service.url, signedResult(calm))).status).toBe(201);
      // The window is the service's clock: once it has passed, the busy kiosk uploads again.
      service.clock.advance(60_000);
      expect((await postResult(service.url, signedResult(busy))).status).toBe(201);
    } finally {
      await service.stop();
    }
  });

  it("does not let unsigned requests naming a kiosk spend that kiosk's budget", async () => {
    const service = await startTestService(kind, { rateLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      const victim = newDevice();
      await enrollDevice(service.url, service.deps, victim);
      // Its id is not secret: an attacker names it in the header and in a body that is not signed by it.
      const forged = JSON.stringify({ ...signedResult(victim), signature: 'A'.repeat(86) + '==' });
      for (let i = 0; i < 4; i++) {
        const answer = await postResult(service.url, forged, { 'x-lbt-device': victim.deviceId });
        expect(answer.status).toBe(400);
      }
      const roster = await fetch(`${service.url}/v1/roster`, {
        headers: { 'x-lbt-device': victim.deviceId },
      });
      expect(roster.status).toBe(401);
      // The victim's own uploads still get through.
      expect((await postResult(service.url, signedResult(victim))).status).toBe(201);
      expect((await postResult(service.url, signedResult(victim))).status).toBe(201);
    } finally {
      await service.stop();
    }
  });

  it('bounds each client address, whatever device id its requests name', async () => {
    const service = await startTestService(kind, {
      rateLimit: { max: 100, timeWindowMs: 60_000, perAddressMax: 5 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const id = `lbt-dev-${i.toString(16).padStart(16, '0')}`;
        const answer = await postResult(service.url, JSON.stringify({ payload: { deviceId: id } }), {
          'x-lbt-device': id,
        });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    } finally {
      await service.stop();
    }
  });

  it('answers a request whose body trickles in with 408 and closes the connection', async () => {
    const service = await startTestService(kind, { requestTimeoutMs: 300 });
    const socket = connect(Number(new URL(service.url).port), '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    // One byte every 50 ms of a 10,000-byte body: it could never arrive within the timeout. The interval is
    // stopped when the socket closes (bounded: the test's own timeout ends it otherwise).
    const trickle = setInterval(() => {
      if (socket.writable) socket.write('x');
    }, 50);
    try {
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      socket.write(
        'POST /v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{',
      );
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const text = Buffer.concat(received).toString('utf8');
      expect(text.startsWith('HTTP/1.1 408 ')).toBe(true);
      expect(text).toContain('application/problem+json');
      const problem = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { code: string };
      expect(problem.code).toBe('timeout');
      expect(await countResults(service)).toBe(0);
    } finally {
      clearInterval(trickle);
      socket.destroy();
      await service.stop();
    }
  }, 15_000);

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
