/** Retention (secure removal after delivery) and the export file, on real files. */
import { existsSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportError, Outbox } from '../../../../../src/host/outbox';
import { secureRemove } from '../../../../../src/host/outbox/secure-remove';
import type { UploadTransport } from '../../../../../src/host/outbox/transport';
import { publicKeyFromRaw } from '../../../../../src/host/signing';
import { verifyResult } from '../../../../../src/host/result/sign';
import { ResultsExport } from '../../../../../src/shared/results-service';
import {
  answer,
  FakeClock,
  ingestAnswer,
  linkTo,
  newKiosk,
  newServerKeys,
  storeResult,
  type Kiosk,
} from '../../../../support/outbox-fixture';

const DAY = 24 * 60 * 60_000;

function outboxFor(kiosk: Kiosk, clock: FakeClock, transport: UploadTransport, exportDir?: string) {
  return new Outbox({
    dataDir: kiosk.dataDir,
    deviceId: kiosk.identity.deviceId,
    backoff: { baseMs: 1_000, capMs: 60_000 },
    clock,
    random: () => 0,
    transport,
    ...(exportDir ? { exportDir } : {}),
  });
}

const resultFile = (kiosk: Kiosk, sessionId: string) => join(kiosk.dataDir, 'results', `${sessionId}.json`);

describe('retention', () => {
  it('removes a delivered result only after retentionDays, and never an undelivered one', async () => {
    const kiosk = await newKiosk();
    const keys = newServerKeys();
    await linkTo(kiosk, keys);
    const clock = new FakeClock();
    const delivered = await storeResult(kiosk);
    const waiting = await storeResult(kiosk, { candidateRef: 'K-2026-0099' });
    const transport: UploadTransport = async (_link, envelope) =>
      envelope.payload.resultId === delivered.payload.resultId
        ? answer(201, ingestAnswer(envelope, keys.signer))
        : answer(503);
    const outbox = outboxFor(kiosk, clock, transport);
    await outbox.kick();
    clock.time += 30 * DAY - 1;
    await outbox.kick();
    expect(existsSync(resultFile(kiosk, delivered.payload.sessionId))).toBe(true);
    clock.time += 2;
    await outbox.kick();
    expect(existsSync(resultFile(kiosk, delivered.payload.sessionId))).toBe(false);
    expect(existsSync(join(kiosk.dataDir, 'outbox', `${delivered.payload.sessionId}.json`))).toBe(false);
    // Offline for 60 days: the undelivered result is still there, still waiting.
    clock.time += 30 * DAY;
    await outbox.kick();
    expect(existsSync(resultFile(kiosk, waiting.payload.sessionId))).toBe(true);
    const view = await outbox.view();
    expect(view.entries.map((e) => [e.candidateRef, e.state])).toEqual([['K-2026-0099', 'waiting']]);
    await outbox.close();
  });

  it('overwrites the bytes with zeros before unlinking (seen through a second hard link)', async () => {
    const kiosk = await newKiosk();
    const envelope = await storeResult(kiosk);
    const file = resultFile(kiosk, envelope.payload.sessionId);
    const witness = join(kiosk.dataDir, 'witness');
    linkSync(file, witness);
    const size = statSync(file).size;
    expect(await secureRemove(file)).toBe(true);
    expect(existsSync(file)).toBe(false);
    const left = readFileSync(witness);
    expect(left.length).toBe(size);
    expect(left.every((b) => b === 0)).toBe(true);
    expect(await secureRemove(file)).toBe(false);
  });
});

describe('export', () => {
  it('writes every undelivered result to one verifiable file, marks them exported, and still uploads them', async () => {
    const kiosk = await newKiosk();
    const keys = newServerKeys();
    await linkTo(kiosk, keys);
    const clock = new FakeClock();
    const delivered = await storeResult(kiosk);
    let online = true;
    const transport: UploadTransport = async (_link, envelope) =>
      online ? answer(201, ingestAnswer(envelope, keys.signer)) : { kind: 'network', detail: 'ENETUNREACH' };
    const outbox = outboxFor(kiosk, clock, transport);
    await outbox.kick();
    // Then the network drops, and two more sittings close.
    online = false;
    const pending = [await storeResult(kiosk), await storeResult(kiosk, { candidateRef: 'K-2026-0007' })];
    await outbox.kick();
    const exported = await outbox.export();
    expect(exported.count).toBe(2);
    const file = ResultsExport.parse(JSON.parse(readFileSync(exported.file, 'utf8')));
    expect(file.deviceId).toBe(kiosk.identity.deviceId);
    const ids = file.results.map((r) => r.payload.resultId).sort();
    expect(ids).not.toContain(delivered.payload.resultId);
    expect(ids).toEqual(pending.map((p) => p.payload.resultId).sort());
    const deviceKey = publicKeyFromRaw(Buffer.from(kiosk.identity.publicKeyBase64, 'base64'));
    for (const r of file.results) expect(verifyResult(r, deviceKey)).toEqual({ ok: true });
    expect(exported.view.entries.filter((e) => e.state === 'exported')).toHaveLength(2);
    expect(statSync(exported.file).mode & 0o777).toBe(0o600);

    online = true;
    clock.time += 60_000;
    await outbox.retry();
    expect((await outbox.view()).entries.every((e) => e.state === 'delivered')).toBe(true);
    await outbox.close();
  });

  it('refuses in Dutch and changes nothing when there is nothing to export or the folder cannot be written', async () => {
    const kiosk = await newKiosk();
    const clock = new FakeClock();
    const none = outboxFor(kiosk, clock, async () => answer(503));
    await expect(none.export()).rejects.toThrow(/niets geëxporteerd/);

    await storeResult(kiosk);
    const missing = outboxFor(kiosk, clock, async () => answer(503), join(kiosk.dataDir, 'no-usb-stick'));
    const error = await missing.export().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).message).toMatch(/exportmap bestaat niet.*alle resultaten zijn bewaard/);
    expect(existsSync(join(kiosk.dataDir, 'no-usb-stick'))).toBe(false);

    // A folder path that runs through a file: the write fails, the message says so, nothing changes.
    const blocked = outboxFor(
      kiosk,
      clock,
      async () => answer(503),
      join(kiosk.dataDir, 'service.json', 'x'),
    );
    writeFileSync(join(kiosk.dataDir, 'service.json'), 'not a link');
    await expect(blocked.export()).rejects.toThrow(/niet worden geëxporteerd/);
    const view = await missing.view();
    expect(view.entries.every((e) => e.state === 'waiting' && e.exportedAt === null)).toBe(true);
    expect(readdirSync(kiosk.dataDir)).not.toContain('exports');
  });
});
