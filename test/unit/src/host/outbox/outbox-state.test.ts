/**
 * The outbox's state machine on a real data dir (real files, fsync, rename), with the network replaced by a
 * scripted transport and time by a fake clock. Delivery against the real service: integration.test.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox, type OutboxOptions } from '../../../../../src/host/outbox';
import type { UploadTransport } from '../../../../../src/host/outbox/transport';
import type { HttpOutcome } from '../../../../../src/host/service-link/http';
import { OutboxState, OutboxView } from '../../../../../src/shared/results-service';
import type { SignedResult } from '../../../../../src/shared/result';
import {
  answer,
  FakeClock,
  ingestAnswer,
  linkTo,
  newKiosk,
  newServerKeys,
  storeResult,
  type Kiosk,
  type ServerKeys,
} from '../../../../support/outbox-fixture';

const BACKOFF = { baseMs: 1_000, capMs: 60_000 };

/** Answers each upload with the next scripted reply; records what was sent. */
function scripted(replies: ((envelope: SignedResult) => HttpOutcome | Promise<HttpOutcome>)[]) {
  const sent: string[] = [];
  const transport: UploadTransport = async (_link, envelope) => {
    sent.push(envelope.payload.resultId);
    const reply = replies.shift();
    if (!reply) throw new Error('no scripted reply left');
    return reply(envelope);
  };
  return { transport, sent };
}

function outboxFor(
  kiosk: Kiosk,
  clock: FakeClock,
  transport: UploadTransport,
  extra: Partial<OutboxOptions> = {},
) {
  return new Outbox({
    dataDir: kiosk.dataDir,
    deviceId: kiosk.identity.deviceId,
    backoff: BACKOFF,
    clock,
    random: () => 0.5,
    transport,
    ...extra,
  });
}

const stateOnDisk = (kiosk: Kiosk, sessionId: string) =>
  OutboxState.parse(JSON.parse(readFileSync(join(kiosk.dataDir, 'outbox', `${sessionId}.json`), 'utf8')));

async function enrolled(): Promise<{ kiosk: Kiosk; keys: ServerKeys }> {
  const kiosk = await newKiosk();
  const keys = newServerKeys();
  await linkTo(kiosk, keys);
  return { kiosk, keys };
}

describe('outbox state', () => {
  it('without enrollment keeps every result waiting, tries nothing and says why in Dutch', async () => {
    const kiosk = await newKiosk();
    await storeResult(kiosk);
    const { transport, sent } = scripted([]);
    const outbox = outboxFor(kiosk, new FakeClock(), transport);
    await outbox.kick();
    const view = OutboxView.parse(await outbox.view());
    expect(view.service).toBeNull();
    expect(view.entries).toHaveLength(1);
    expect(view.entries[0]).toMatchObject({ state: 'waiting', attempts: 0 });
    expect(view.entries[0]!.lastError).toContain('LBT-U07');
    expect(sent).toEqual([]);
  });

  it('persists a failed attempt, backs off, and continues after a restart of the outbox object', async () => {
    const { kiosk, keys } = await enrolled();
    const clock = new FakeClock();
    const envelope = await storeResult(kiosk);
    const sessionId = envelope.payload.sessionId;
    const first = scripted([() => ({ kind: 'network', detail: 'ECONNREFUSED' })]);
    const before = outboxFor(kiosk, clock, first.transport);
    await before.kick();
    const failed = stateOnDisk(kiosk, sessionId);
    expect(failed).toMatchObject({ state: 'waiting', attempts: 1, receipt: null });
    expect(failed.lastError).toContain('LBT-U01');
    // random 0.5 of the first window (1 s).
    expect(Date.parse(failed.nextAttemptAt!) - clock.time).toBe(500);
    await before.close();

    const second = scripted([() => answer(201, ingestAnswer(envelope, keys.signer))]);
    const after = outboxFor(kiosk, clock, second.transport);
    await after.kick();
    expect(second.sent).toEqual([]); // not due yet: the restart kept the backoff
    clock.advance(500);
    await after.kick();
    expect(second.sent).toEqual([envelope.payload.resultId]);
    const delivered = stateOnDisk(kiosk, sessionId);
    expect(delivered).toMatchObject({
      state: 'delivered',
      attempts: 2,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(delivered.receipt?.payload.resultId).toBe(envelope.payload.resultId);
    const view = await after.view();
    expect(view.entries[0]).toMatchObject({ state: 'delivered', receipt: { keyId: keys.serverKey.keyId } });
    await after.close();
  });

  it('grows the delay per failure in a row up to the cap', async () => {
    const { kiosk } = await enrolled();
    const clock = new FakeClock();
    const envelope = await storeResult(kiosk);
    const fail = () => answer(503);
    const { transport } = scripted(Array.from({ length: 9 }, () => fail));
    const outbox = outboxFor(kiosk, clock, transport, { random: () => 0.999 });
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      await outbox.kick();
      const state = stateOnDisk(kiosk, envelope.payload.sessionId);
      const delay = Date.parse(state.nextAttemptAt!) - clock.time;
      delays.push(delay);
      clock.time += delay;
    }
    expect(delays).toEqual([999, 1_998, 3_996, 7_992, 15_984, 31_968, 59_940, 59_940, 59_940]);
    await outbox.close();
  });

  it('marks delivered only with a verified receipt: a receipt from another key leaves it waiting', async () => {
    const { kiosk, keys } = await enrolled();
    const clock = new FakeClock();
    const envelope = await storeResult(kiosk);
    const { transport } = scripted([
      () => answer(201, ingestAnswer(envelope, newServerKeys().signer)),
      () => answer(200, { ...ingestAnswer(envelope, keys.signer), duplicate: true }),
    ]);
    const outbox = outboxFor(kiosk, clock, transport);
    await outbox.kick();
    const refused = stateOnDisk(kiosk, envelope.payload.sessionId);
    expect(refused).toMatchObject({ state: 'waiting', receipt: null });
    expect(refused.lastError).toContain('LBT-U04');
    clock.time += 10_000;
    await outbox.kick();
    expect(stateOnDisk(kiosk, envelope.payload.sessionId).state).toBe('delivered');
    await outbox.close();
  });

  it('on 409 keeps the result, shows a Dutch error and retries at the cap, never deleting it', async () => {
    const { kiosk } = await enrolled();
    const clock = new FakeClock();
    const envelope = await storeResult(kiosk);
    const { transport, sent } = scripted([() => answer(409), () => answer(409)]);
    const outbox = outboxFor(kiosk, clock, transport);
    await outbox.kick();
    const state = stateOnDisk(kiosk, envelope.payload.sessionId);
    expect(state.lastError).toContain('LBT-U05');
    expect(Date.parse(state.nextAttemptAt!) - clock.time).toBe(BACKOFF.capMs);
    expect(clock.nextDelay()).toBe(BACKOFF.capMs);
    clock.advance(BACKOFF.capMs);
    await outbox.kick();
    expect(sent).toHaveLength(2);
    expect(existsSync(join(kiosk.dataDir, 'results', `${envelope.payload.sessionId}.json`))).toBe(true);
    const view = await outbox.view();
    expect(view.entries[0]).toMatchObject({ state: 'waiting', attempts: 2 });
    await outbox.close();
  });

  it('re-sends after a restart in the middle of an upload (the attempt was counted before sending)', async () => {
    const { kiosk, keys } = await enrolled();
    const clock = new FakeClock();
    const envelope = await storeResult(kiosk);
    // The first host "dies" while its request hangs: the outbox object is simply abandoned.
    let sending!: () => void;
    const started = new Promise<void>((resolve) => (sending = resolve));
    const hanging = scripted([
      () => {
        sending();
        return new Promise<HttpOutcome>(() => undefined);
      },
    ]);
    void outboxFor(kiosk, clock, hanging.transport).kick();
    await started;
    expect(stateOnDisk(kiosk, envelope.payload.sessionId)).toMatchObject({ state: 'waiting', attempts: 1 });

    const { transport, sent } = scripted([
      () => answer(200, { ...ingestAnswer(envelope, keys.signer), duplicate: true }),
    ]);
    const restarted = outboxFor(kiosk, clock, transport);
    await restarted.kick();
    expect(sent).toEqual([envelope.payload.resultId]);
    expect(stateOnDisk(kiosk, envelope.payload.sessionId)).toMatchObject({ state: 'delivered', attempts: 2 });
    await restarted.close();
  });

  it('does not send the sitting still being closed, and sends it once it is settled', async () => {
    const { kiosk, keys } = await enrolled();
    const envelope = await storeResult(kiosk);
    let settled = false;
    const { transport, sent } = scripted([() => answer(201, ingestAnswer(envelope, keys.signer))]);
    const outbox = outboxFor(kiosk, new FakeClock(), transport, { isSettled: () => settled });
    await outbox.kick();
    expect(sent).toEqual([]);
    settled = true;
    await outbox.kick();
    expect(sent).toEqual([envelope.payload.resultId]);
    await outbox.close();
  });

  it('starts afresh when the store holds a new result under the same session, and after a damaged state file', async () => {
    const { kiosk, keys } = await enrolled();
    const clock = new FakeClock();
    const first = await storeResult(kiosk);
    const fail = scripted([() => answer(500)]);
    const outbox = outboxFor(kiosk, clock, fail.transport);
    await outbox.kick();
    await outbox.close();
    // The same session closed again after a crash: a new record (new result id) replaces the old one.
    const { ResultStore } = await import('../../../../../src/host/result/store');
    const { signResult } = await import('../../../../../src/host/result/sign');
    const { v7 } = await import('uuid');
    const replaced = signResult({ ...first.payload, resultId: v7() }, kiosk.identity);
    await ResultStore.inDataDir(kiosk.dataDir).write(replaced);
    const good = scripted([() => answer(201, ingestAnswer(replaced, keys.signer))]);
    const next = outboxFor(kiosk, clock, good.transport);
    await next.kick();
    expect(good.sent).toEqual([replaced.payload.resultId]);
    expect(stateOnDisk(kiosk, first.payload.sessionId)).toMatchObject({ state: 'delivered', attempts: 1 });
    await next.close();

    const other = await storeResult(kiosk);
    writeFileSync(join(kiosk.dataDir, 'outbox', `${other.payload.sessionId}.json`), '{"schema":');
    const again = scripted([() => answer(201, ingestAnswer(other, keys.signer))]);
    const third = outboxFor(kiosk, clock, again.transport);
    await third.kick();
    expect(again.sent).toEqual([other.payload.resultId]);
    await third.close();
  });

  it('keeps an unreadable result file untouched and never sends it', async () => {
    const { kiosk } = await enrolled();
    const envelope = await storeResult(kiosk);
    const file = join(kiosk.dataDir, 'results', `${envelope.payload.sessionId}.json`);
    writeFileSync(file, '{"payload": 1}');
    const logged: string[] = [];
    const { transport, sent } = scripted([]);
    const outbox = outboxFor(kiosk, new FakeClock(), transport, { log: (m) => logged.push(m) });
    await outbox.kick();
    expect(sent).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('{"payload": 1}');
    expect(logged.join('\n')).toContain('LBT-U08');
    await outbox.close();
  });
});
