import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectJournal, Journal, JournalRefusedError, scanJournals } from '../../../../../src/host/journal';
import { anchorFileName } from '../../../../../src/host/journal/anchor';
import { RECORD } from '../../../../../src/shared/journal/format';
import { randomJournalKey, sampleEvent, tempDirs, writtenJournal } from '../../../../support/journal-helpers';

const newDir = tempDirs('lbt-anchor-');

/** Scans the one journal in `dir` and checks it was refused as `reason` without a byte of it changing. */
async function expectRefused(
  dir: string,
  file: string,
  key: Parameters<typeof scanJournals>[1],
  reason: string,
) {
  const before = readFileSync(file);
  const [result] = await scanJournals(dir, key);
  expect(result).toMatchObject({ status: 'refused', file, reason });
  expect(readFileSync(file).equals(before)).toBe(true);
  await expect(Journal.open({ file, journalKey: key })).rejects.toBeInstanceOf(JournalRefusedError);
  return result!;
}

describe('the head anchor', () => {
  it('detects a journal cut back at a record boundary (two acknowledged answers gone)', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 6);
    writeFileSync(file, bytes.subarray(0, records[4]!.offset));
    const result = await expectRefused(dir, file, key, 'rolled-back');
    expect(result).toMatchObject({ recordNumber: 5, detail: expect.stringMatching(/says 6 .* holds 4/) });
  });

  it('detects the last acknowledged record dropped', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 3);
    writeFileSync(file, bytes.subarray(0, records[2]!.offset));
    await expectRefused(dir, file, key, 'rolled-back');
  });

  it('detects a flipped bit in the last acknowledged record instead of cutting it as torn', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 3);
    for (const at of [RECORD.seq + 2, RECORD.ciphertext + 5]) {
      const damaged = Buffer.from(bytes);
      damaged[records[2]!.offset + at]! ^= 0x10;
      writeFileSync(file, damaged);
      await expectRefused(dir, file, key, 'rolled-back');
    }
  });

  it('detects a missing anchor, a forged one and one rolled back on its own', async () => {
    const dir = newDir();
    const { file, key } = await writtenJournal(dir, 3);
    const anchor = readFileSync(anchorFileName(file));

    rmSync(anchorFileName(file));
    await expectRefused(dir, file, key, 'anchor-missing');

    writeFileSync(anchorFileName(file), Buffer.alloc(anchor.length, 0x41));
    await expectRefused(dir, file, key, 'anchor-invalid');

    // The anchor of another journal (another key) does not verify either.
    const other = await writtenJournal(newDir(), 3);
    writeFileSync(anchorFileName(file), readFileSync(anchorFileName(other.file)));
    await expectRefused(dir, file, key, 'anchor-invalid');
  });

  it('detects an anchor that names other records than the journal holds', async () => {
    const dir = newDir();
    const first = await writtenJournal(dir, 5);
    const anchorAt1 = readFileSync(anchorFileName(first.file));
    // anchorAt1: the final anchor of an earlier run of this session (same key, other records); early: record 1's.
    rmSync(first.file);
    rmSync(anchorFileName(first.file));
    const journal = await Journal.create({ dir, sessionId: 'sessie', journalKey: first.key });
    await journal.append(sampleEvent(1));
    const early = readFileSync(anchorFileName(journal.file));
    for (let n = 2; n <= 5; n++) await journal.append(sampleEvent(n));
    await journal.release();
    writeFileSync(anchorFileName(journal.file), early);
    await expectRefused(dir, journal.file, first.key, 'anchor-mismatch');
    writeFileSync(anchorFileName(journal.file), anchorAt1);
    await expectRefused(dir, journal.file, first.key, 'anchor-mismatch');
  });

  it('still recovers a torn partial write of the record in flight, and then appends', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 4, 'sessie', { lastInFlight: true });
    writeFileSync(file, bytes.subarray(0, records[3]!.offset + 61));
    const { journal, truncated } = await Journal.open({ file, journalKey: key });
    expect(truncated).toMatchObject({ recordNumber: 4, bytesCut: 61, reason: 'partial-record' });
    expect(await journal.append(sampleEvent(40))).toMatchObject({ seq: 4 });
    await journal.release();
    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({ status: 'open', records: 4, truncated: null });
  });

  it('lets a reader inspect a journal in use: records appended after it read the anchor are not a rollback', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 'live', journalKey: key });
    await journal.append(sampleEvent(1));
    const anchorThen = readFileSync(anchorFileName(journal.file));
    await journal.append(sampleEvent(2));
    await journal.append(sampleEvent(3));
    // What a reader sees when the writer appends twice between its reading the anchor and the journal.
    writeFileSync(anchorFileName(journal.file), anchorThen);
    const live = await inspectJournal(journal.file, key);
    expect(live.ok && live.records.length).toBe(3);
    await journal.release();
    // At rest the same files mean the anchor was set back: refused.
    await expectRefused(dir, journal.file, key, 'anchor-mismatch');
  });

  it('adopts a whole record whose anchor write never happened (crash between the two), then continues', async () => {
    const dir = newDir();
    const { file, key } = await writtenJournal(dir, 4, 'sessie', { lastInFlight: true });
    const { journal, truncated, recovered } = await Journal.open({ file, journalKey: key });
    expect(truncated).toBeNull();
    expect(recovered.records).toBe(4);
    await journal.append(sampleEvent(5));
    await journal.release();
    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({ status: 'open', records: 5 });
  });

  it('survives a torn anchor write: the other slot and the durable record still agree', async () => {
    const dir = newDir();
    const { file, key } = await writtenJournal(dir, 4);
    const anchor = readFileSync(anchorFileName(file));
    // Record 4 went to slot 0; half of that slot was written when the power went.
    anchor.fill(0, 40, 80);
    writeFileSync(anchorFileName(file), anchor);
    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({ status: 'open', records: 4 });
    // The same torn slot with record 4 missing from the journal is a rollback.
    const bytes = readFileSync(file);
    const analysis = (await import('../../../../../src/host/journal')).analyzeJournal(bytes, key, 'sessie');
    if (!analysis.ok) throw new Error('fixture');
    writeFileSync(file, bytes.subarray(0, analysis.records[3]!.offset));
    await expectRefused(dir, file, key, 'rolled-back');
  });
});
