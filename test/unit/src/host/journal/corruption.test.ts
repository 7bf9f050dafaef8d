import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Journal, JournalRefusedError, recoverJournal, scanJournals } from '../../../../../src/host/journal';
import { encodeRecord, resealChecksums } from '../../../../../src/host/journal/codec';
import { RECORD, RecordType } from '../../../../../src/shared/journal/format';
import { randomJournalKey, tempDirs, writtenJournal } from '../../../../support/journal-helpers';

const newDir = tempDirs();

/** Writes `bytes` as the journal, recovers it, and checks it was refused naming file and record, and left as is. */
async function expectRefused(
  file: string,
  key: Parameters<typeof recoverJournal>[1],
  bytes: Buffer,
  recordNumber: number,
  reason?: string,
) {
  writeFileSync(file, bytes);
  const result = await recoverJournal(file, key);
  expect(result).toMatchObject({ status: 'refused', file, recordNumber, ...(reason ? { reason } : {}) });
  expect(readFileSync(file).equals(bytes)).toBe(true);
  return result;
}

describe('corruption before the end', () => {
  it('refuses a flipped bit at every byte of a middle record, naming file and record, leaving the file untouched', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 5);
    const middle = records[2]!;
    const reasons = new Set<string>();
    for (let position = middle.offset; position < middle.end; position++) {
      const damaged = Buffer.from(bytes);
      damaged[position]! ^= 1 << (position % 8);
      const result = await expectRefused(file, key, damaged, 3);
      if (result.status === 'refused') {
        reasons.add(result.reason);
        expect(result.detail).toContain('record 3');
      }
    }
    // Head bytes fail the head checksum; everything after it fails the frame checksum.
    expect([...reasons].sort()).toEqual(['bad-checksum', 'bad-head-checksum']);
  });

  it('refuses a damaged file header as record 0', async () => {
    const dir = newDir();
    const { file, key, bytes, headerLength } = await writtenJournal(dir, 2);
    for (const position of [0, 5, 12, 20, headerLength - 6, headerLength - 1]) {
      const damaged = Buffer.from(bytes);
      damaged[position]! ^= 0x04;
      await expectRefused(file, key, damaged, 0);
    }
  });

  it('refuses a chain break, a sequence gap and a GCM failure even when every checksum passes', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 4);
    const at = records[1]!.offset;

    const chain = Buffer.from(bytes);
    chain[at + RECORD.prevHash + 7]! ^= 0x80;
    resealChecksums(chain.subarray(at, records[1]!.end));
    await expectRefused(file, key, chain, 2, 'chain-break');

    const gap = Buffer.from(bytes);
    gap.writeBigUInt64BE(7n, at + RECORD.seq);
    resealChecksums(gap.subarray(at, records[1]!.end));
    await expectRefused(file, key, gap, 2, 'sequence-gap');

    const forged = Buffer.from(bytes);
    forged[at + RECORD.ciphertext + 3]! ^= 0x01;
    resealChecksums(forged.subarray(at, records[1]!.end));
    await expectRefused(file, key, forged, 2, 'decrypt-failed');

    // A whole record removed: the next one no longer follows the chain.
    const removed = Buffer.concat([bytes.subarray(0, at), bytes.subarray(records[1]!.end)]);
    await expectRefused(file, key, removed, 2, 'sequence-gap');
  });

  it('refuses a record that follows the close record', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 's', journalKey: key });
    await journal.append({ n: 1 });
    const { hash } = await journal.close();
    await journal.release();
    const bytes = readFileSync(journal.file);
    const extra = encodeRecord({
      type: RecordType.event,
      seq: 3,
      prevHash: Buffer.from(hash, 'hex'),
      plaintext: Buffer.from('{"n":2}'),
      sessionId: 's',
      key: key.forSession('s'),
    });
    await expectRefused(journal.file, key, Buffer.concat([bytes, extra]), 3, 'record-after-close');
  });

  it('refuses a journal read with the wrong key, and opening it says so in Dutch with its code', async () => {
    const dir = newDir();
    const { file, bytes } = await writtenJournal(dir, 2);
    const other = randomJournalKey();
    await expectRefused(file, other, bytes, 0, 'wrong-key');
    const opening = Journal.open({ file, journalKey: other });
    await expect(opening).rejects.toBeInstanceOf(JournalRefusedError);
    await expect(opening).rejects.toThrow(/sleutel van dit apparaat.*LBT-J12.*record 0: wrong-key/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a journal renamed to another session, and opening a corrupt one names file and record', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 3, 'echt');
    const renamed = file.replace('echt.lbtj', 'ander.lbtj');
    await expectRefused(renamed, key, bytes, 0, 'session-mismatch');

    const damaged = Buffer.from(bytes);
    damaged[records[0]!.offset + 60]! ^= 0x02;
    writeFileSync(file, damaged);
    await expect(Journal.open({ file, journalKey: key })).rejects.toThrow(
      new RegExp(
        `beschadigd.*LBT-J11.*${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, record 1: bad-checksum`,
      ),
    );
    const scanned = await scanJournals(dir, key);
    expect(scanned.map((r) => [r.status, r.status === 'refused' && r.recordNumber])).toEqual([
      ['refused', 0],
      ['refused', 1],
    ]);
  });
});
