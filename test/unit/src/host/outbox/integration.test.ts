/** The outbox against the REAL results service: enrollment, upload, receipts, outage, export and import. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../../../src/server/admin/devices';
import { Outbox } from '../../../../../src/host/outbox';
import { EnrollError, enrollDevice } from '../../../../../src/host/service-link/enroll';
import { readServiceLink, serverPublicKey } from '../../../../../src/host/service-link/link-file';
import { verifyJson } from '../../../../../src/host/signing';
import { lbtInProcess } from '../../../../support/lbt-in-process';
import { newKiosk, storeResult, type Kiosk } from '../../../../support/outbox-fixture';
import { LiveService } from '../../../../support/outbox-service-fixture';

const root = resolve(import.meta.dirname, '../../../../..');
/**
 * The real CLI as a child process (the import, which crosses to the service the way an operator's would);
 * asynchronous, because the service it talks to runs in this process. The other commands run in-process.
 */
const lbtProcess = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [join(root, 'bin/lbt.mjs'), ...args], { cwd: root }, (error, stdout, stderr) =>
      done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });

/** An in-process command, in the shape the child-process runner gives. */
const lbt = async (args: string[]) => {
  const run = await lbtInProcess(...args);
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
};

/** A test that spawns the CLI (tsx start-up) is slow on a loaded machine. */
const CLI_TIMEOUT_MS = 180_000;

const service = new LiveService();
let kiosk: Kiosk;

const outboxOf = (k: Kiosk) =>
  new Outbox({
    dataDir: k.dataDir,
    deviceId: k.identity.deviceId,
    backoff: { baseMs: 10, capMs: 50 },
    timeoutMs: 5_000,
  });

beforeAll(async () => {
  await service.start();
  kiosk = await newKiosk();
  await service.enroll(kiosk);
});
afterAll(() => service.stop());

describe('enrollment', () => {
  it('pins the service key in service.json', async () => {
    const link = await readServiceLink(kiosk.dataDir);
    expect(link).toMatchObject({ url: service.url, deviceId: kiosk.identity.deviceId, gemeente: 'Utrecht' });
    expect(link!.serverKey).toEqual(service.deps.serverKey.pinned);
  });

  it('refuses a used or unknown code and writes no service.json', async () => {
    const other = await newKiosk();
    const code = await service.code();
    await enrollDevice({ dataDir: other.dataDir, serverUrl: service.url, code });
    const third = await newKiosk();
    await expect(enrollDevice({ dataDir: third.dataDir, serverUrl: service.url, code })).rejects.toThrow(
      EnrollError,
    );
    await expect(
      enrollDevice({ dataDir: third.dataDir, serverUrl: service.url, code: 'not a code' }),
    ).rejects.toThrow(/not an enrollment code/);
    expect(existsSync(join(third.dataDir, 'service.json'))).toBe(false);
  });

  it(
    '`lbt kiosk enroll` enrolls a data dir from the command line (and says why not, exit 1)',
    async () => {
      const fresh = await newKiosk();
      const ok = await lbt([
        'kiosk',
        'enroll',
        '--server',
        service.url,
        '--code',
        await service.code(),
        '--data',
        fresh.dataDir,
      ]);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`Enrolled ${fresh.identity.deviceId} for Utrecht`);
      const bad = await lbt([
        'kiosk',
        'enroll',
        '--server',
        service.url,
        '--code',
        'ABCD-EFGH-JKMN-PQRS',
        '--data',
        fresh.dataDir,
      ]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('refused the enrollment');
    },
    CLI_TIMEOUT_MS,
  );
});

describe('upload', () => {
  it('delivers a closed result and keeps a receipt that verifies with the pinned key', async () => {
    const envelope = await storeResult(kiosk);
    const outbox = outboxOf(kiosk);
    await outbox.kick();
    const view = await outbox.view();
    const entry = view.entries.find((e) => e.resultId === envelope.payload.resultId)!;
    expect(entry).toMatchObject({ state: 'delivered', attempts: 1, lastError: null });
    const state = JSON.parse(
      readFileSync(join(kiosk.dataDir, 'outbox', `${envelope.payload.sessionId}.json`), 'utf8'),
    );
    const link = (await readServiceLink(kiosk.dataDir))!;
    expect(verifyJson(state.receipt, serverPublicKey(link))).toEqual({ ok: true });
    expect(await service.stored(envelope.payload.resultId)).toBe(1);
    await outbox.close();
  });

  it('waits while the service is down and delivers once it is back, exactly once', async () => {
    const envelope = await storeResult(kiosk);
    const outbox = outboxOf(kiosk);
    await service.stop();
    await outbox.kick();
    const waiting = (await outbox.view()).entries.find((e) => e.resultId === envelope.payload.resultId)!;
    expect(waiting.state).toBe('waiting');
    expect(waiting.lastError).toContain('LBT-U01');
    await service.start();
    await outbox.retry();
    const delivered = (await outbox.view()).entries.find((e) => e.resultId === envelope.payload.resultId)!;
    expect(delivered.state).toBe('delivered');
    expect(await service.stored(envelope.payload.resultId)).toBe(1);
    await outbox.close();
  });

  it(
    'export -> `lbt results import` -> the next upload gets the duplicate receipt and marks it delivered',
    async () => {
      const envelope = await storeResult(kiosk);
      const outbox = outboxOf(kiosk);
      await service.stop();
      await outbox.kick();
      const { file, count } = await outbox.export();
      expect(count).toBe(1);
      // The kiosk is switched off with the USB stick out; otherwise its own retry would beat the import.
      await outbox.close();
      await service.start();
      const imported = await lbtProcess(['results', 'import', file, '--server', service.url]);
      expect(imported.status, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('1 stored');
      expect(await service.stored(envelope.payload.resultId)).toBe(1);
      // Switched on again: the outbox reads `exported` from disk, sends it, and the duplicate receipt delivers it.
      const restarted = outboxOf(kiosk);
      const before = (await restarted.view()).entries.find((e) => e.resultId === envelope.payload.resultId)!;
      expect(before.state).toBe('exported');
      await restarted.retry();
      const entry = (await restarted.view()).entries.find((e) => e.resultId === envelope.payload.resultId)!;
      expect(entry.state).toBe('delivered');
      expect(await service.stored(envelope.payload.resultId)).toBe(1);
      await restarted.close();
    },
    CLI_TIMEOUT_MS,
  );

  it(
    '`lbt results export` writes the same kind of file from the command line',
    async () => {
      const k = await newKiosk();
      await storeResult(k);
      const out = join(k.dataDir, 'stick.json');
      const done = await lbt(['results', 'export', '--data', k.dataDir, '--out', out]);
      expect(done.status, done.stderr).toBe(0);
      expect(done.stdout).toContain('Exported 1 result(s)');
      expect(JSON.parse(readFileSync(out, 'utf8')).results).toHaveLength(1);
      const again = await lbt(['results', 'export', '--data', k.dataDir, '--out', out]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('bestaat al');
    },
    CLI_TIMEOUT_MS,
  );

  it('a revoked device: refused with a Dutch reason, the result kept and still waiting', async () => {
    const k = await newKiosk();
    await service.enroll(k);
    await revokeDevice(service.deps, k.identity.deviceId);
    const envelope = await storeResult(k);
    const outbox = outboxOf(k);
    await outbox.kick();
    const entry = (await outbox.view()).entries[0]!;
    expect(entry.state).toBe('waiting');
    expect(entry.lastError).toContain('ingetrokken');
    expect(existsSync(join(k.dataDir, 'results', `${envelope.payload.sessionId}.json`))).toBe(true);
    expect(await service.stored(envelope.payload.resultId)).toBe(0);
    await outbox.close();
  });
});
