/**
 * A sitting's journal follows its delivered result out of the kiosk: on real files, with the real journal,
 * anchor and key, a real outbox and a clock the test moves.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../../../../src/host/outbox';
import { Journal, scanJournals } from '../../../../../src/host/journal';
import { FileKeyProvider } from '../../../../../src/host/keys/file-key-provider';
import { loadJournalKey, type JournalKey } from '../../../../../src/host/keys/journal-key';
import { signResult } from '../../../../../src/host/result/sign';
import { ResultStore } from '../../../../../src/host/result/store';
import type { UploadTransport } from '../../../../../src/host/outbox/transport';
import type { SignedResult } from '../../../../../src/shared/result';
import {
  answer,
  FakeClock,
  ingestAnswer,
  linkTo,
  newKiosk,
  newServerKeys,
  type Kiosk,
  type ServerKeys,
} from '../../../../support/outbox-fixture';
import { resultRecord, type TestDevice } from '../../../../support/results-service';
import {
  openRequest,
  sittingInputs,
  startHost,
  TestClock as HostClock,
} from '../../../../support/session-durable-harness';

const DAY = 24 * 60 * 60_000;

interface Setup {
  kiosk: Kiosk;
  keys: ServerKeys;
  journalKey: JournalKey;
  dir: string;
  clock: FakeClock;
  logged: string[];
}

async function setUp(): Promise<Setup> {
  const kiosk = await newKiosk();
  const keys = newServerKeys();
  await linkTo(kiosk, keys);
  const journalKey = await loadJournalKey(kiosk.dataDir, await FileKeyProvider.open(kiosk.dataDir));
  return {
    kiosk,
    keys,
    journalKey,
    dir: join(kiosk.dataDir, 'journals'),
    clock: new FakeClock(),
    logged: [],
  };
}

/**
 * A sitting as the host leaves it: a journal of a few events whose head the result quotes, then the
 * `session.closed` event and the close record (`close: false` stops before them: a sitting that can be
 * recovered), and the signed result in the result store.
 */
async function sitting(
  s: Setup,
  options: { close?: boolean; quote?: { headHash: string; records: number } } = {},
): Promise<SignedResult> {
  const sessionId = randomUUID();
  const journal = await Journal.create({ dir: s.dir, sessionId, journalKey: s.journalKey });
  await journal.append({ type: 'session.opened', sessionId });
  const head = await journal.append({ type: 'item.answered', item: 'w1', answer: 'B' });
  if (options.close !== false) {
    await journal.append({ type: 'session.closed' });
    await journal.close({ closedAt: '2026-03-02T09:30:00.000Z' });
  }
  await journal.release();
  const record = resultRecord({ deviceId: s.kiosk.identity.deviceId } as TestDevice);
  const envelope = signResult(
    { ...record, sessionId, journal: options.quote ?? { headHash: head.hash, records: head.seq } },
    s.kiosk.identity,
  );
  await ResultStore.inDataDir(s.kiosk.dataDir).write(envelope);
  return envelope;
}

function outboxFor(s: Setup, transport?: UploadTransport): Outbox {
  return new Outbox({
    dataDir: s.kiosk.dataDir,
    deviceId: s.kiosk.identity.deviceId,
    backoff: { baseMs: 1_000, capMs: 60_000 },
    clock: s.clock,
    random: () => 0,
    transport: transport ?? (async (_link, envelope) => answer(201, ingestAnswer(envelope, s.keys.signer))),
    journals: { dir: s.dir, key: s.journalKey },
    log: (message) => s.logged.push(message),
  });
}

/** Every file of the sitting in the journals dir (journal, anchor, torn tails, interrupted removals). */
const filesOf = (s: Setup, envelope: SignedResult) =>
  readdirSync(s.dir)
    .filter((n) => n.startsWith(envelope.payload.sessionId))
    .sort();
const resultFile = (s: Setup, envelope: SignedResult) =>
  join(s.kiosk.dataDir, 'results', `${envelope.payload.sessionId}.json`);
const stateFile = (s: Setup, envelope: SignedResult) =>
  join(s.kiosk.dataDir, 'outbox', `${envelope.payload.sessionId}.json`);

describe('journal retention', () => {
  it('removes the journal, its anchor and torn tails with the result, retentionDays after the receipt, zeroed first', async () => {
    const s = await setUp();
    const delivered = await sitting(s);
    const id = delivered.payload.sessionId;
    // A torn tail that recovery cut from this journal once, kept beside it.
    writeFileSync(join(s.dir, `${id}.lbtj.torn-900-1-abcdef`), Buffer.from('cut bytes'));
    const witness = join(s.kiosk.dataDir, 'witness');
    linkSync(join(s.dir, `${id}.lbtj`), witness);
    const outbox = outboxFor(s);
    await outbox.kick();
    expect((await outbox.view()).entries.map((e) => e.state)).toEqual(['delivered']);

    // Within the period (receipt + 30 days - 1 ms): everything is still there.
    s.clock.time += 30 * DAY - 1;
    await outbox.kick();
    expect(filesOf(s, delivered)).toEqual([
      `${id}.lbtj`,
      `${id}.lbtj.anchor`,
      `${id}.lbtj.torn-900-1-abcdef`,
    ]);
    expect(existsSync(resultFile(s, delivered))).toBe(true);

    s.clock.time += 1;
    await outbox.kick();
    expect(filesOf(s, delivered)).toEqual([]);
    expect(existsSync(resultFile(s, delivered))).toBe(false);
    expect(existsSync(stateFile(s, delivered))).toBe(false);
    const left = readFileSync(witness);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((b) => b === 0)).toBe(true);
    expect(s.logged).toEqual([]);
    await outbox.close();
  });

  it('keeps the journal of a result that has no verified receipt, however long it waits', async () => {
    const s = await setUp();
    const waiting = await sitting(s);
    const outbox = outboxFor(s, async () => answer(503));
    await outbox.kick();
    s.clock.time += 90 * DAY;
    await outbox.kick();
    const id = waiting.payload.sessionId;
    expect(filesOf(s, waiting)).toEqual([`${id}.lbtj`, `${id}.lbtj.anchor`]);
    expect(existsSync(resultFile(s, waiting))).toBe(true);
    await outbox.close();
  });

  it('keeps, and logs once, a journal it cannot tie to the expired result: open, another chain, or no result', async () => {
    const s = await setUp();
    const open = await sitting(s, { close: false });
    const other = await sitting(s, { quote: { headHash: 'a'.repeat(64), records: 2 } });
    // A sitting that never stored a result (recovery closed it empty): nothing to tie it to.
    const orphan = randomUUID();
    const empty = await Journal.create({ dir: s.dir, sessionId: orphan, journalKey: s.journalKey });
    await empty.close({ why: 'empty' });
    await empty.release();

    const outbox = outboxFor(s);
    await outbox.kick();
    s.clock.time += 31 * DAY;
    await outbox.kick();
    await outbox.kick();
    // The results went (their rule is the receipt); the journals stayed, whole.
    for (const envelope of [open, other]) {
      expect(existsSync(resultFile(s, envelope))).toBe(false);
      expect(filesOf(s, envelope)).toHaveLength(2);
    }
    expect(readdirSync(s.dir).filter((n) => n.startsWith(orphan))).toHaveLength(2);
    expect(s.logged.sort()).toEqual(
      [
        `outbox: journal of session ${open.payload.sessionId} kept after its result's retention: the sitting is not closed, so it can still be recovered`,
        `outbox: journal of session ${other.payload.sessionId} kept after its result's retention: its records do not match the head hash the delivered result quotes`,
        `outbox: journal of session ${open.payload.sessionId} belongs to no stored result; kept (docs/JOURNAL.md, "Retention")`,
        `outbox: journal of session ${other.payload.sessionId} belongs to no stored result; kept (docs/JOURNAL.md, "Retention")`,
        `outbox: journal of session ${orphan} belongs to no stored result; kept (docs/JOURNAL.md, "Retention")`,
      ].sort(),
    );
    // Recovery still reads all three as they were: nothing was cut or touched.
    const scans = await scanJournals(s.dir, s.journalKey);
    expect(scans.map((r) => r.status).sort()).toEqual(['closed', 'closed', 'open']);
    await outbox.close();
  });

  it('finishes a removal a crash interrupted, and loses nothing else', async () => {
    const s = await setUp();
    const first = await sitting(s);
    const second = await sitting(s);
    const outbox = outboxFor(s);
    await outbox.kick();
    s.clock.time += 20 * DAY;
    const later = await sitting(s);
    await outbox.kick();
    s.clock.time += 11 * DAY;
    await outbox.close();

    // Crash 1: the sweep renamed the first journal and had zeroed half of it; its anchor, result and state remain.
    const firstJournal = join(s.dir, `${first.payload.sessionId}.lbtj`);
    const removing = `${firstJournal}.removing`;
    linkSync(firstJournal, removing);
    const handle = await open(removing, 'r+');
    const { size } = await handle.stat();
    await handle.write(Buffer.alloc(Math.floor(size / 2)), 0, Math.floor(size / 2), 0);
    await handle.close();
    unlinkSync(firstJournal);
    // Crash 2: the second sitting's journal and result went, but the anchor and the delivery state did not.
    unlinkSync(join(s.dir, `${second.payload.sessionId}.lbtj`));
    unlinkSync(resultFile(s, second));
    expect(existsSync(stateFile(s, second))).toBe(true);

    // A host started now recovers only whole journals: the renamed one is not mistaken for a damaged sitting.
    const scans = await scanJournals(s.dir, s.journalKey);
    expect(scans.map((r) => r.status === 'closed' && r.sessionId)).toEqual([later.payload.sessionId]);

    const next = outboxFor(s);
    await next.kick();
    for (const envelope of [first, second]) {
      expect(filesOf(s, envelope)).toEqual([]);
      expect(existsSync(resultFile(s, envelope))).toBe(false);
      expect(existsSync(stateFile(s, envelope))).toBe(false);
    }
    // The sitting delivered 11 days ago is untouched, its journal whole.
    const id = later.payload.sessionId;
    expect(filesOf(s, later)).toEqual([`${id}.lbtj`, `${id}.lbtj.anchor`]);
    expect(existsSync(resultFile(s, later))).toBe(true);
    expect((await scanJournals(s.dir, s.journalKey)).map((r) => r.status)).toEqual(['closed']);
    expect(s.logged).toEqual([]);
    await next.close();
  });

  it('ties a sitting run by the real session store to its result, and removes both after the period', async () => {
    const s = await setUp();
    const host = await startHost(s.kiosk.dataDir, new HostClock());
    await host.call('session.open', openRequest);
    for (const input of sittingInputs()) await host.dispatch(input);
    const closed = await host.dispatch({ type: 'session.closed', afnemerId: 'afnemer-7' });
    const sessionId = closed.state.session!.sessionId;
    await host.stop();
    const outbox = new Outbox({
      dataDir: s.kiosk.dataDir,
      deviceId: host.durable.identity.deviceId,
      clock: s.clock,
      transport: async (_link, envelope) => answer(201, ingestAnswer(envelope, s.keys.signer)),
      journals: { dir: host.durable.journalsDir, key: host.durable.journalKey },
      log: (message) => s.logged.push(message),
    });
    await outbox.kick();
    expect((await outbox.view()).entries.map((e) => [e.sessionId, e.state])).toEqual([
      [sessionId, 'delivered'],
    ]);
    const journalFiles = () => readdirSync(host.durable.journalsDir).filter((n) => n.startsWith(sessionId));
    expect(journalFiles()).toEqual([`${sessionId}.lbtj`, `${sessionId}.lbtj.anchor`]);
    s.clock.time += 30 * DAY;
    await outbox.kick();
    expect(readdirSync(host.durable.journalsDir).filter((n) => n.startsWith(sessionId))).toEqual([]);
    expect(await host.durable.results.read(sessionId)).toBeNull();
    expect(s.logged).toEqual([]);
    await outbox.close();
  });
});
