/** A journal record is refused, not folded, when its JSON names a member twice (I-JSON; JSON.parse keeps the last). */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Journal, recoverJournal } from '../../../../../src/host/journal';
import { encodeRecord } from '../../../../../src/host/journal/codec';
import { RecordType } from '../../../../../src/shared/journal/format';
import { randomJournalKey, tempDirs } from '../../../../support/journal-helpers';

const newDir = tempDirs();

describe('journal records with a repeated name', () => {
  it('refuses the record, names it and the key, and leaves the file as it is', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 's', journalKey: key });
    const { seq, hash } = await journal.append({ n: 1 });
    await journal.release();
    const doubled = encodeRecord({
      type: RecordType.event,
      seq: seq + 1,
      prevHash: Buffer.from(hash, 'hex'),
      plaintext: Buffer.from('{"itemId":"w1","itemId":"w2"}'),
      sessionId: 's',
      key: key.forSession('s'),
    });
    const bytes = Buffer.concat([readFileSync(journal.file), doubled]);
    writeFileSync(journal.file, bytes);
    const result = await recoverJournal(journal.file, key);
    expect(result).toMatchObject({ status: 'refused', recordNumber: seq + 1, reason: 'bad-event' });
    if (result.status === 'refused') expect(result.detail).toContain('duplicate key "itemId"');
    expect(readFileSync(journal.file).equals(bytes)).toBe(true);
  });
});
