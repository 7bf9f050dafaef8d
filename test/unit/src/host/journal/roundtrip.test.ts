import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Journal,
  JournalClosedError,
  JournalUsageError,
  scanJournals,
} from '../../../../../src/host/journal';
import { randomJournalKey, sampleEvent, tempDirs } from '../../../../support/journal-helpers';

const newDir = tempDirs();

describe('journal round trip', () => {
  it('reads back every appended event in order, with the header naming the session', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 'sessie-1', journalKey: key, now: () => 1234 });
    const receipts = [];
    for (let n = 1; n <= 10; n++) receipts.push(await journal.append(sampleEvent(n)));
    expect(receipts.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(journal.headHash).toBe(receipts[9]!.hash);
    await journal.release();

    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({
      status: 'open',
      file: join(dir, 'sessie-1.lbtj'),
      sessionId: 'sessie-1',
      createdAtMs: 1234,
      records: 10,
      headHash: receipts[9]!.hash,
      truncated: null,
      closeInfo: null,
    });
    expect(result!.status === 'open' && result!.events).toEqual(
      Array.from({ length: 10 }, (_, i) => sampleEvent(i + 1)),
    );
  });

  it('encrypts at rest: no event text appears in the file, and the file is owner-only', async () => {
    const dir = newDir();
    const journal = await Journal.create({ dir, sessionId: 's', journalKey: randomJournalKey() });
    await journal.append({ secret: 'antwoord-van-de-kandidaat-XYZ' });
    await journal.release();
    const bytes = readFileSync(join(dir, 's.lbtj'));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('LBTJ');
    expect(bytes.includes(Buffer.from('antwoord-van-de-kandidaat'))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(join(dir, 's.lbtj')).mode & 0o777).toBe(0o600);
    if (process.platform !== 'win32') expect(statSync(join(dir, 's.lbtj.anchor')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['s.lbtj', 's.lbtj.anchor']); // no temp file left behind
  });

  it('resumes an open journal, continues the chain, and closes it', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    const first = await Journal.create({ dir, sessionId: 's', journalKey: key });
    await first.append(sampleEvent(1));
    await first.append(sampleEvent(2));
    const headBefore = first.headHash;
    await first.release();

    const { journal, recovered, truncated } = await Journal.open({
      file: join(dir, 's.lbtj'),
      journalKey: key,
    });
    expect(truncated).toBeNull();
    expect(recovered.events).toEqual([sampleEvent(1), sampleEvent(2)]);
    expect(journal.headHash).toBe(headBefore);
    expect(await journal.append(sampleEvent(3))).toMatchObject({ seq: 3 });
    await journal.close({ reason: 'afgerond' });
    expect(journal.closed).toBe(true);
    await expect(journal.append(sampleEvent(4))).rejects.toBeInstanceOf(JournalClosedError);
    await journal.release();

    const [result] = await scanJournals(dir, key);
    expect(result).toMatchObject({ status: 'closed', records: 4, closeInfo: { reason: 'afgerond' } });
    expect(result!.status === 'closed' && result!.events).toEqual([
      sampleEvent(1),
      sampleEvent(2),
      sampleEvent(3),
    ]);

    const reopened = await Journal.open({ file: join(dir, 's.lbtj'), journalKey: key });
    expect(reopened.journal.closed).toBe(true);
    await expect(reopened.journal.append(sampleEvent(5))).rejects.toBeInstanceOf(JournalClosedError);
    await reopened.journal.release();
  });

  it('refuses a second journal for the same session, a bad session id and a value JSON cannot carry', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 's', journalKey: key });
    await journal.append(sampleEvent(1));
    const size = statSync(journal.file).size;
    await expect(Journal.create({ dir, sessionId: 's', journalKey: key })).rejects.toBeInstanceOf(
      JournalUsageError,
    );
    await expect(Journal.create({ dir, sessionId: '../x', journalKey: key })).rejects.toBeInstanceOf(
      JournalUsageError,
    );
    await expect(journal.append({ score: Number.NaN })).rejects.toThrow(/plain JSON value/);
    await expect(journal.append({ missing: undefined } as never)).rejects.toThrow(/plain JSON value/);
    expect(statSync(journal.file).size).toBe(size);
    expect(await journal.append(sampleEvent(2))).toMatchObject({ seq: 2 });
    await journal.release();
    expect((await scanJournals(dir, key))[0]).toMatchObject({ status: 'open', records: 2 });
  });

  it('never recovers a journal this process is writing, and allows one writer per file', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 's', journalKey: key });
    await journal.append(sampleEvent(1));
    await expect(scanJournals(dir, key)).rejects.toThrow(/open for appending in this process/);
    await expect(Journal.open({ file: journal.file, journalKey: key })).rejects.toBeInstanceOf(
      JournalUsageError,
    );
    expect(statSync(journal.file).size).toBeGreaterThan(0);
    await journal.release();
    const { journal: again } = await Journal.open({ file: journal.file, journalKey: key });
    await expect(Journal.open({ file: journal.file, journalKey: key })).rejects.toThrow(/already open/);
    await again.release();
    expect((await scanJournals(dir, key))[0]).toMatchObject({ status: 'open', records: 1 });
  });

  it('finds only journals: no directory means none, and other files are ignored', async () => {
    const dir = newDir();
    const key = randomJournalKey();
    expect(await scanJournals(join(dir, 'nope'), key)).toEqual([]);
    for (const id of ['b', 'a']) {
      const j = await Journal.create({ dir, sessionId: id, journalKey: key });
      await j.append({ id });
      if (id === 'a') await j.close();
      await j.release();
    }
    const results = await scanJournals(dir, key);
    expect(results.map((r) => [r.status, r.status !== 'refused' && r.sessionId])).toEqual([
      ['closed', 'a'],
      ['open', 'b'],
    ]);
  });
});
