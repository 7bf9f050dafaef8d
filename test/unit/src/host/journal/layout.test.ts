import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../../../src/host/journal';
import { randomJournalKey, tempDirs } from '../../../../support/journal-helpers';

const newDir = tempDirs();

/** Reads a journal by hand, following only docs/JOURNAL.md, so the document and the writer cannot drift apart. */
describe('the byte layout in docs/JOURNAL.md', () => {
  it('matches what the writer produces', async () => {
    const dir = newDir();
    const journal = await Journal.create({
      dir,
      sessionId: 'sessie-42',
      journalKey: randomJournalKey(),
      now: () => 1_700_000_000_123,
    });
    const first = await journal.append({ a: 1 });
    const second = await journal.append({ b: 'twee' });
    const closing = await journal.close({ reason: 'afgerond' });
    await journal.release();
    const bytes = readFileSync(journal.file);

    const S = 'sessie-42'.length;
    const H = 37 + S;
    expect(bytes.toString('latin1', 0, 4)).toBe('LBTJ');
    expect(bytes.readUInt16BE(4)).toBe(1);
    expect(bytes.readUInt16BE(6)).toBe(H);
    expect(Number(bytes.readBigUInt64BE(8))).toBe(1_700_000_000_123);
    expect(bytes.readUInt8(32)).toBe(S);
    expect(bytes.toString('utf8', 33, 33 + S)).toBe('sessie-42');
    expect(bytes.readUInt32BE(33 + S)).toBe(crc32(bytes.subarray(0, 33 + S)));

    let offset = H;
    let prevHash = Buffer.alloc(32);
    const receipts = [first, second, closing];
    for (let seq = 1; seq <= 3; seq++) {
      expect(bytes.toString('latin1', offset, offset + 2)).toBe('LR');
      expect(bytes.readUInt8(offset + 2)).toBe(seq === 3 ? 2 : 1);
      expect(bytes.readUInt8(offset + 3)).toBe(0);
      const B = bytes.readUInt32BE(offset + 4);
      expect(Number(bytes.readBigUInt64BE(offset + 8))).toBe(seq);
      expect(bytes.subarray(offset + 16, offset + 48).equals(prevHash)).toBe(true);
      expect(bytes.readUInt32BE(offset + 48)).toBe(crc32(bytes.subarray(offset, offset + 48)));
      const end = offset + 56 + B;
      expect(bytes.readUInt32BE(end - 4)).toBe(crc32(bytes.subarray(offset, end - 4)));
      prevHash = createHash('sha256').update(bytes.subarray(offset, end)).digest();
      expect(prevHash.toString('hex')).toBe(receipts[seq - 1]!.hash);
      offset = end;
    }
    expect(offset).toBe(bytes.length);
  });
});
