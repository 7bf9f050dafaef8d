/**
 * The check-thread pool (src/server/ingest/check-pool.ts) against a real SQLite file: it must answer exactly as
 * checking on the request thread does, see revocations at once, survive a dying thread and refuse to start
 * without a database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { revokeDevice } from '../../../../../src/server/admin/devices';
import { openDatabase, type OpenedDatabase } from '../../../../../src/server/db/open';
import { startCheckPool } from '../../../../../src/server/ingest/check-pool';
import { inlineChecker, type ResultChecker } from '../../../../../src/server/ingest/checker';
import { ProblemError } from '../../../../../src/server/http/problem';
import { indexPackages } from '../../../../../src/server/packages';
import { canonicalJson } from '../../../../../src/shared/signing';
import { newDevice, signedResult, testPackage, type TestDevice } from '../../../../support/results-service';

const CRASHING_BOOT = new URL('./fixtures/crashing-check-thread.mjs', import.meta.url);

async function enroll(opened: OpenedDatabase, device: TestDevice): Promise<void> {
  await opened.db
    .insertInto('devices')
    .values({
      device_id: device.deviceId,
      key_id: device.keyId,
      public_key: device.publicKey,
      gemeente: 'Utrecht',
      label: 'pool test',
      enrolled_at: new Date().toISOString(),
      revoked_at: null,
    })
    .execute();
}

/** What a check came to, in a form two checkers can be compared by. */
async function outcome(checker: ResultChecker, text: string) {
  try {
    return { checked: await checker.check(text) };
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return {
      refused: { status: error.statusCode, code: error.code, detail: error.detail, issues: error.issues },
    };
  }
}

describe('the check-thread pool', () => {
  let dataDir: string;
  let opened: OpenedDatabase;
  const device = newDevice();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lbt-check-pool-'));
    opened = await openDatabase({ dataDir });
    await enroll(opened, device);
  });
  afterAll(async () => {
    await opened.db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** One thread, in front of which stands the fixture that can be made to die; its exits are collected. */
  const crashablePool = (exits: string[]) =>
    startCheckPool({
      threads: 1,
      location: { dataDir },
      packages: [testPackage],
      boot: CRASHING_BOOT,
      onThreadExit: (detail) => exits.push(detail),
    });

  it('accepts and refuses exactly as a check on the request thread does', async () => {
    const pool = await startCheckPool({ threads: 2, location: { dataDir }, packages: [testPackage] });
    try {
      const inline = inlineChecker(opened.db, indexPackages([testPackage]));
      const good = signedResult(device);
      const tampered = JSON.parse(JSON.stringify(good)) as { payload: { scoring: { raw: number } } };
      tampered.payload.scoring.raw += 1;
      const stranger = signedResult(newDevice());
      const bodies = [
        canonicalJson(good),
        JSON.stringify(signedResult(device)), // not in canonical order: the exact path
        JSON.stringify(tampered),
        JSON.stringify(stranger),
        '{"payload": ',
        JSON.stringify({ alg: 'Ed25519', payload: { schema: 'lbt.result/1' } }),
      ];
      const pooled = await Promise.all(bodies.map((text) => outcome(pool, text)));
      for (const [i, text] of bodies.entries()) {
        expect(pooled[i]).toEqual(await outcome(inline, text));
      }
      expect(pooled[0]!.checked?.envelopeText).toBe(bodies[0]);
      expect(pooled.map((o) => o.refused?.code ?? 'ok')).toEqual([
        'ok',
        'ok',
        'bad-signature',
        'unknown-device',
        'bad-json',
        'invalid',
      ]);
    } finally {
      await pool.close();
    }
  });

  it('sees a revocation on the very next check', async () => {
    const revoked = newDevice();
    await enroll(opened, revoked);
    const pool = await startCheckPool({ threads: 1, location: { dataDir }, packages: [testPackage] });
    try {
      expect((await outcome(pool, canonicalJson(signedResult(revoked)))).checked).toBeDefined();
      const deps = { db: opened.db, dialect: 'sqlite' as const, now: () => new Date(), dataDir };
      expect(await revokeDevice(deps, revoked.deviceId)).toBe('revoked');
      expect((await outcome(pool, canonicalJson(signedResult(revoked)))).refused?.code).toBe(
        'revoked-device',
      );
    } finally {
      await pool.close();
    }
  });

  it('fails only the checks of a thread that dies, and starts another in its place', async () => {
    const exits: string[] = [];
    const pool = await crashablePool(exits);
    try {
      await expect(pool.check('crash-thread')).rejects.toThrow(/check thread stopped \(exit code 3\)/);
      expect(exits).toEqual(['exit code 3']);
      // Until the replacement is up the pool says "send again shortly" (503), never stores or loses anything.
      const seen = new Set<string>();
      let answer = await outcome(pool, canonicalJson(signedResult(device)));
      for (let tries = 0; answer.refused && tries < 100; tries++) {
        seen.add(`${answer.refused.status} ${answer.refused.code}`);
        await new Promise((wait) => setTimeout(wait, 200));
        answer = await outcome(pool, canonicalJson(signedResult(device)));
      }
      expect(answer.checked?.columns.device_id).toBe(device.deviceId);
      expect([...seen].every((s) => s === '503 unavailable')).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('keeps starting a replacement, once a second, until one comes up', async () => {
    const exits: string[] = [];
    const pool = await crashablePool(exits);
    try {
      process.env.LBT_TEST_CHECK_THREAD_START_FAILS = '1';
      await expect(pool.check('crash-thread')).rejects.toThrow(/check thread stopped/);
      await vi.waitFor(
        () =>
          expect(
            exits.filter((e) => /stopped while starting \(exit code 4\)/.test(e)).length,
          ).toBeGreaterThanOrEqual(2),
        { timeout: 20_000, interval: 100 },
      );
      delete process.env.LBT_TEST_CHECK_THREAD_START_FAILS;
      await vi.waitFor(
        async () => expect((await outcome(pool, canonicalJson(signedResult(device)))).checked).toBeDefined(),
        { timeout: 20_000, interval: 200 },
      );
    } finally {
      delete process.env.LBT_TEST_CHECK_THREAD_START_FAILS;
      await pool.close();
    }
  });

  it('answers 503 after it was closed', async () => {
    const pool = await startCheckPool({ threads: 1, location: { dataDir }, packages: [testPackage] });
    await pool.close();
    expect((await outcome(pool, canonicalJson(signedResult(device)))).refused).toMatchObject({
      status: 503,
      code: 'unavailable',
    });
  });

  it('does not start when its threads cannot reach the database', async () => {
    await expect(
      startCheckPool({
        threads: 1,
        location: { dataDir, databaseUrl: 'postgres://lbt@127.0.0.1:1/nowhere' },
        packages: [testPackage],
      }),
    ).rejects.toThrow(/A check thread could not start: .*ECONNREFUSED/);
  });

  it('needs at least one thread', async () => {
    await expect(
      startCheckPool({ threads: 0, location: { dataDir }, packages: [testPackage] }),
    ).rejects.toThrow(RangeError);
  });
});
