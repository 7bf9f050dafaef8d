import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectJournal } from '../../../../../src/host/journal';
import { FileKeyProvider } from '../../../../../src/host/keys/file-key-provider';
import { loadJournalKey } from '../../../../../src/host/keys/journal-key';
import { ResultReadError, ResultStore, verifyResult } from '../../../../../src/host/result';
import { publicKeyFromRaw } from '../../../../../src/host/signing/sign';
import { ResultRecord, SignedResult } from '../../../../../src/shared/result';
import { InstructionKey } from '../../../../../src/shared/items';
import { scoreResponses } from '../../../../../src/shared/scoring';
import { canonicalJson } from '../../../../../src/shared/signing';
import { tempDirs } from '../../../../support/journal-helpers';
import {
  openRequest,
  sittingInputs,
  startHost,
  TestClock,
} from '../../../../support/session-durable-harness';
import { definition, items } from '../../../../support/session-fixture';
import { answers, completedSitting } from './sitting';

const newDir = tempDirs('lbt-result-');

describe('the signed result record', () => {
  it('is built from the folded state, signed, stored, and verifies with the device key', async () => {
    const dataDir = newDir();
    const { envelope, device, head } = await completedSitting(dataDir);
    const publicKey = publicKeyFromRaw(Buffer.from(device.publicKey, 'base64'));
    expect(verifyResult(envelope, publicKey)).toEqual({ ok: true });
    expect(SignedResult.parse(envelope)).toEqual(envelope);

    const p = envelope.payload;
    const expected = scoreResponses(definition(), items, answers);
    expect(p).toMatchObject({
      schema: 'lbt.result/1',
      status: 'completed',
      sessionId: head.session!.sessionId,
      deviceId: device.deviceId,
      afnemerId: 'afnemer-7',
      closedBy: 'afnemer-9',
      candidateRef: 'K-2026-0042',
      gemeente: 'Utrecht',
      package: { packageId: 'mini-pkg', definitionId: 'mini', definitionVersion: '1.0.0' },
      scoring: {
        scoringVersion: 'lbt-scoring/1',
        cesuur: 2,
        raw: expected.raw,
        max: 4,
        outcome: expected.outcome,
        twijfelzone: expected.twijfelzone,
      },
      afnamecondities: { session: { shell: 'chromium', lockdown: 'reduced' }, device: null },
      validity: {
        mouseUsed: true,
        focusLost: true,
        focusLostCount: 1,
        interrupted: false,
        unansweredItems: [],
      },
    });
    expect(p.resultId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(p.items.map((i) => [i.itemId, i.correct, i.response])).toEqual(
      items.map((item) => [
        item.id,
        expected.items.find((e) => e.itemId === item.id)!.correct,
        answers[item.id],
      ]),
    );
    expect(p.items.find((i) => i.itemId === 'w2')!.inputTypes).toEqual(['touch', 'mouse']);
    expect(p.timing.pauses).toEqual([expect.objectContaining({ reason: 'focus-lost' })]);
    expect(p.timing.activeMs + p.timing.pausedMs + p.timing.interruptedMs).toBe(
      Date.parse(p.timing.endedAt) - Date.parse(p.timing.openedAt),
    );
    // Fast answers follow the definition's threshold and each item's active response time.
    expect(p.validity.fastAnswers).toEqual(p.items.filter((i) => i.responseMs! < 1500).map((i) => i.itemId));

    // The record quotes the journal as it stood before `session.closed`, which followed it.
    const key = await loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
    const [name] = readdirSync(join(dataDir, 'journals'));
    const analysis = await inspectJournal(join(dataDir, 'journals', name!), key);
    if (!analysis.ok) throw new Error('journal refused');
    const closedIndex = analysis.records.findIndex(
      (r) => (r.value as { type?: string } | null)?.type === 'session.closed',
    );
    expect(closedIndex).toBe(head.lastSeq);
    expect(p.journal).toEqual({
      headHash: analysis.records[closedIndex - 1]!.hash.toString('hex'),
      records: head.lastSeq,
    });
    expect(analysis.closed).toBe(true);
  });

  it('fails verification when any byte of the canonical payload changes', async () => {
    const { envelope, device } = await completedSitting(newDir());
    const publicKey = publicKeyFromRaw(Buffer.from(device.publicKey, 'base64'));
    const text = canonicalJson(envelope.payload);
    let checked = 0;
    for (let at = 0; at < text.length; at++) {
      const replacement = text[at] === '1' ? '2' : text[at] === '"' ? "'" : '1';
      let payload: unknown;
      try {
        payload = JSON.parse(text.slice(0, at) + replacement + text.slice(at + 1));
      } catch {
        continue; // not JSON any more: it cannot even be read as a result
      }
      checked++;
      expect(verifyResult({ ...envelope, payload }, publicKey).ok, `byte ${at}`).toBe(false);
    }
    expect(checked).toBeGreaterThan(text.length / 2);
    expect(
      verifyResult(
        { ...envelope, signature: envelope.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
        publicKey,
      ),
    ).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it("keeps accepting results of packages that predate the practice app's home.* instructions", async () => {
    const { envelope } = await completedSitting(newDir());
    const synthetic = { kind: 'synthetic', engine: 'espeak-ng', voice: 'nl' } as const;
    const spoke = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, synthetic]));
    const before = InstructionKey.options.filter((key) => !key.startsWith('home.'));
    expect(before).toHaveLength(13);
    const older = { ...envelope.payload, instructionAudio: spoke(before) };
    expect(ResultRecord.parse(older).instructionAudio).toEqual(spoke(before));
    expect(
      ResultRecord.safeParse({ ...older, instructionAudio: spoke(InstructionKey.options) }).success,
    ).toBe(true);
    // Partial, not open: a key no package ever had is still refused.
    expect(ResultRecord.safeParse({ ...older, instructionAudio: spoke(['home.phone']) }).success).toBe(false);
  });

  it('records an aborted sitting with its reason, its unanswered items and no outcome', async () => {
    const dataDir = newDir();
    const host = await startHost(dataDir, new TestClock());
    await host.call('session.open', openRequest);
    const inputs = sittingInputs();
    const upTo = inputs.findIndex((i) => i.type === 'answer.committed' && i.itemId === 'w1') + 1;
    for (const input of inputs.slice(0, upTo)) await host.dispatch(input);
    await host.dispatch({ type: 'session.aborted', reason: 'candidate-unwell', note: 'misselijk' });
    const closed = await host.dispatch({ type: 'session.closed', afnemerId: 'afnemer-7' });
    const stored = await host.durable.results.read(closed.state.session!.sessionId);
    await host.stop();
    expect(stored!.payload).toMatchObject({
      status: 'aborted',
      scoring: { raw: 1, outcome: null, unanswered: 3 },
      timing: { abort: { reason: 'candidate-unwell', note: 'misselijk' } },
      validity: { unansweredItems: ['w2', 'z1', 'z2'] },
    });
  });

  it('names a stored file that is not a signed result instead of skipping it', async () => {
    const store = ResultStore.inDataDir(newDir());
    expect(await store.read('00000000-0000-4000-8000-000000000000')).toBeNull();
    await store.write((await completedSitting(newDir())).envelope);
    const [id] = await store.list();
    writeFileSync(store.fileOf(id!), '{"payload":');
    await expect(store.read(id!)).rejects.toBeInstanceOf(ResultReadError);
  });
});
