import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Journal, scanJournals } from '../../../../../src/host/journal';
import { RECORD } from '../../../../../src/shared/journal/format';
import { sampleEvent, tempDirs, writtenJournal } from '../../../../support/journal-helpers';

const newDir = tempDirs();
const events = (n: number) => Array.from({ length: n }, (_, i) => sampleEvent(i + 1));

describe('a torn final record', () => {
  it('is cut at every kind of offset inside it, reported by number, with all earlier events intact', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 5, 'sessie', { lastInFlight: true });
    const last = records[4]!;
    const size = last.end - last.offset;
    // Inside the head, at its boundaries, inside iv/tag, mid-ciphertext, inside the trailing checksum.
    const cuts = [
      1,
      2,
      10,
      RECORD.headCrc,
      RECORD.headLength - 1,
      RECORD.headLength,
      RECORD.headLength + 1,
      RECORD.tag + 3,
      RECORD.ciphertext + 40,
      size - 4,
      size - 1,
    ];
    for (const cut of cuts) {
      writeFileSync(file, bytes.subarray(0, last.offset + cut));
      const [result] = await scanJournals(dir, key);
      expect(result, `cut ${cut}`).toMatchObject({
        status: 'open',
        records: 4,
        headHash: records[3]!.hash.toString('hex'),
        truncated: {
          recordNumber: 5,
          offset: last.offset,
          bytesCut: cut,
          reason: cut < RECORD.headLength ? 'partial-head' : 'partial-record',
        },
      });
      expect(result!.status === 'open' && result!.events, `cut ${cut}`).toEqual(events(4));
      expect(statSync(file).size, `cut ${cut}`).toBe(last.offset);
      const savedAs = result!.status === 'open' ? result!.truncated!.savedAs! : '';
      expect(readFileSync(savedAs).equals(bytes.subarray(last.offset, last.offset + cut)), `cut ${cut}`).toBe(
        true,
      );
    }
  });

  it('leaves a journal that resumes and appends after the cut', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 3, 'sessie', { lastInFlight: true });
    writeFileSync(file, bytes.subarray(0, records[2]!.offset + 100));
    const { journal, truncated } = await Journal.open({ file, journalKey: key });
    expect(truncated).toMatchObject({ recordNumber: 3, bytesCut: 100 });
    expect(await journal.append(sampleEvent(30))).toMatchObject({ seq: 3 });
    await journal.release();
    const [result] = await scanJournals(dir, key);
    expect(result!.status === 'open' && result!.events).toEqual([
      sampleEvent(1),
      sampleEvent(2),
      sampleEvent(30),
    ]);
  });

  it('cuts an unacknowledged last record damaged at any byte, since no later record can exist', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 4, 'sessie', { lastInFlight: true });
    const last = records[3]!;
    // Every head byte (where the length lives), then a sample through iv, tag, ciphertext and checksum.
    const positions = [];
    for (let p = last.offset; p < last.end; p += p < last.offset + RECORD.headLength ? 1 : 5)
      positions.push(p);
    positions.push(last.end - 1);
    for (const position of positions) {
      const damaged = Buffer.from(bytes);
      damaged[position]! ^= 1 << (position % 8);
      writeFileSync(file, damaged);
      const [result] = await scanJournals(dir, key);
      expect(result, `byte ${position}`).toMatchObject({
        status: 'open',
        records: 3,
        truncated: { recordNumber: 4, offset: last.offset, reason: 'bad-checksum-at-tail' },
      });
      expect(result!.status === 'open' && result!.events).toEqual(events(3));
    }
  });

  it('treats zeros after the last record (size grew, data never landed) as torn', async () => {
    const dir = newDir();
    const { file, key, bytes } = await writtenJournal(dir, 3);
    writeFileSync(file, Buffer.concat([bytes, Buffer.alloc(4096)]));
    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({
      status: 'open',
      records: 3,
      truncated: { recordNumber: 4, reason: 'zero-filled', bytesCut: 4096 },
    });
    expect(statSync(file).size).toBe(bytes.length);
  });

  it('treats a complete unacknowledged last record whose checksum fails as torn', async () => {
    const dir = newDir();
    const { file, key, bytes, records } = await writtenJournal(dir, 3, 'sessie', { lastInFlight: true });
    const damaged = Buffer.from(bytes);
    damaged[records[2]!.offset + RECORD.ciphertext + 5]! ^= 0x10;
    writeFileSync(file, damaged);
    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({
      status: 'open',
      records: 2,
      truncated: { recordNumber: 3, reason: 'bad-checksum-at-tail' },
    });
  });

  it('reports nothing and changes nothing for a clean journal', async () => {
    const dir = newDir();
    const { file, key, bytes } = await writtenJournal(dir, 2);
    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({ status: 'open', truncated: null });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
