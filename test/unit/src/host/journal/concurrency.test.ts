import { describe, expect, it } from 'vitest';
import { Journal, scanJournals } from '../../../../../src/host/journal';
import { randomJournalKey, sampleEvent, tempDirs } from '../../../../support/journal-helpers';

const newDir = tempDirs();

describe('concurrent appends', () => {
  it('are written one after another in call order, never interleaved', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 's', journalKey: key });
    // Events of very different sizes, so interleaved writes would corrupt frames rather than pass unnoticed.
    const values = Array.from({ length: 60 }, (_, n) => ({ n, pad: 'x'.repeat((n * 397) % 3000) }));
    const receipts = await Promise.all(values.map((value) => journal.append(value)));
    expect(receipts.map((r) => r.seq)).toEqual(values.map((_, n) => n + 1));
    expect(new Set(receipts.map((r) => r.hash)).size).toBe(60);
    await journal.release();
    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({
      status: 'open',
      records: 60,
      truncated: null,
      headHash: receipts[59]!.hash,
    });
    expect(result!.status === 'open' && result!.events).toEqual(values);
  });

  it('keep going after one of them is refused, and release waits for pending appends', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 's', journalKey: key });
    const outcomes = await Promise.allSettled([
      journal.append(sampleEvent(1)),
      journal.append({ bad: Number.POSITIVE_INFINITY }),
      journal.append(sampleEvent(2)),
      journal.close({ reason: 'afgebroken' }),
      journal.append(sampleEvent(3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    await journal.release();
    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({ status: 'closed', records: 3, closeInfo: { reason: 'afgebroken' } });
    expect(result!.status === 'closed' && result!.events).toEqual([sampleEvent(1), sampleEvent(2)]);
  });
});
