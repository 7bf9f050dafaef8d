import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectJournal } from '../../../../../src/host/journal';
import { FileKeyProvider } from '../../../../../src/host/keys/file-key-provider';
import { loadJournalKey } from '../../../../../src/host/keys/journal-key';
import type { SessionRecoveryReport } from '../../../../../src/shared/result';
import { tempDirs } from '../../../../support/journal-helpers';
import {
  openRequest,
  sittingInputs,
  startHost,
  TestClock,
} from '../../../../support/session-durable-harness';

const newDir = tempDirs('lbt-recovery-');

async function sittingOf(events: number) {
  const dataDir = newDir();
  const clock = new TestClock();
  const host = await startHost(dataDir, clock);
  await host.call('session.open', openRequest);
  for (const input of sittingInputs().slice(0, events)) await host.dispatch(input);
  const state = host.durable.service.state()!;
  await host.stop();
  const [name] = readdirSync(join(dataDir, 'journals')).filter((n) => n.endsWith('.lbtj'));
  return { dataDir, clock, state, file: join(dataDir, 'journals', name!) };
}

async function report(dataDir: string, clock: TestClock) {
  const host = await startHost(dataDir, clock);
  const result = await host.call('session.recovery');
  await host.stop();
  if (!result.ok) throw new Error(result.error.message);
  return result.value as SessionRecoveryReport;
}

describe('session.recovery tells the afnemer what happened', () => {
  it('cuts a torn final record, reports it, and resumes with every acknowledged event', async () => {
    const { dataDir, clock, state, file } = await sittingOf(8);
    const bytes = readFileSync(file);
    // A record that was being written when the power went: its first 30 bytes landed.
    const key = await loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
    const analysis = await inspectJournal(file, key);
    if (!analysis.ok) throw new Error('fixture journal refused');
    const last = analysis.records.at(-1)!;
    appendFileSync(file, bytes.subarray(last.offset, last.offset + 30));

    const found = await report(dataDir, clock);
    expect(found.truncated).toEqual([
      expect.objectContaining({
        file,
        sessionId: state.session!.sessionId,
        recordNumber: state.lastSeq + 1,
        offset: bytes.length,
        bytesCut: 30,
        message: expect.stringMatching(/\(code LBT-J10\)$/),
      }),
    ]);
    expect(found.refused).toEqual([]);
    expect(found.resumed).toMatchObject({ sessionId: state.session!.sessionId, events: state.lastSeq });
  });

  it('refuses a journal with a flipped bit mid-file, naming file and record, and leaves it untouched', async () => {
    const { dataDir, clock, file } = await sittingOf(8);
    const key = await loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
    const analysis = await inspectJournal(file, key);
    if (!analysis.ok) throw new Error('fixture journal refused');
    const victim = analysis.records[4]!;
    const bytes = readFileSync(file);
    bytes[victim.offset + 70]! ^= 0x08; // inside the ciphertext of record 5
    writeFileSync(file, bytes);

    const found = await report(dataDir, clock);
    expect(found.resumed).toBeNull();
    expect(found.refused).toEqual([
      {
        file,
        recordNumber: victim.recordNumber,
        reason: expect.any(String),
        detail: expect.any(String),
        tampering: false,
        message: expect.stringMatching(/^Het sessiebestand is beschadigd.*\(code LBT-J11\)$/),
      },
    ]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a journal cut back at a record boundary as tampering: not resumed, Dutch message, incident reported', async () => {
    const { dataDir, clock, file } = await sittingOf(8);
    const key = await loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
    const analysis = await inspectJournal(file, key);
    if (!analysis.ok) throw new Error('fixture journal refused');
    // Two committed records removed: what is left is a valid, shorter chain.
    const cut = readFileSync(file).subarray(0, analysis.records.at(-2)!.offset);
    writeFileSync(file, cut);

    const found = await report(dataDir, clock);
    expect(found.resumed).toBeNull();
    expect(found.truncated).toEqual([]);
    expect(found.refused).toEqual([
      {
        file,
        recordNumber: analysis.records.length - 1,
        reason: 'rolled-back',
        detail: expect.stringContaining(`says ${analysis.records.length} records were acknowledged`),
        tampering: true,
        message: expect.stringMatching(
          /^Het sessiebestand is na het opslaan gewijzigd of teruggezet.*\(code LBT-J13\)$/,
        ),
      },
    ]);
    expect(readFileSync(file).equals(cut)).toBe(true);
  });
});
