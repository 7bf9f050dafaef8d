/**
 * A full disk and a read-only disk, for real: a 256 KiB tmpfs mounted for this file (the tests run as root).
 * Where mounting is not permitted the suite is skipped with the reason printed, never faked.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { inspectJournal, Journal, JournalWriteError, scanJournals } from '../../../../../src/host/journal';
import { mountSmallTmpfs } from '../../../../support/small-tmpfs';
import { randomJournalKey, sampleEvent } from '../../../../support/journal-helpers';

const tmpfs = mountSmallTmpfs('journal');
const { mountPoint, error: mountError } = tmpfs;

/** Journals opened here, released before unmounting (an open file keeps the mount busy). */
const opened: Journal[] = [];

// A failed test must not leave the disk full or a journal open for the next one (or the unmount).
afterEach(async () => {
  if (!mountError) rmSync(join(mountPoint, 'filler'), { force: true });
  await Promise.all(opened.splice(0).map((journal) => journal.release().catch(() => undefined)));
});

afterAll(async () => {
  await Promise.all(opened.map((journal) => journal.release().catch(() => undefined)));
  tmpfs.unmount();
});

const fill = tmpfs.fill;

const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, mountPoint]);

describe.skipIf(mountError !== null)('a full or read-only disk (real tmpfs)', () => {
  it('refuses the append with a Dutch message, leaves no half record, and resumes once there is room', async () => {
    const dir = join(mountPoint, 'full');
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 's', journalKey: key });
    opened.push(journal);
    const acknowledged: unknown[] = [];
    for (let n = 1; n <= 3; n++) {
      await journal.append(sampleEvent(n));
      acknowledged.push(sampleEvent(n));
    }
    const filler = join(mountPoint, 'filler');
    fill(filler);

    // The last page of the journal may still take a record or two; the first one that needs a new page fails.
    let failure: unknown = null;
    let sizeBefore = 0;
    let refused: unknown = null;
    for (let n = 4; n < 200 && failure === null; n++) {
      sizeBefore = statSync(journal.file).size;
      try {
        await journal.append(sampleEvent(n));
        acknowledged.push(sampleEvent(n));
      } catch (error) {
        failure = error;
        refused = sampleEvent(n);
      }
    }
    expect(failure).toBeInstanceOf(JournalWriteError);
    expect(failure).toMatchObject({ kind: 'disk-full', code: 'LBT-J01', errno: 'ENOSPC', phase: 'append' });
    expect((failure as Error).message).toMatch(/^De schijf is vol\. .*\(code LBT-J01\)$/);
    expect(statSync(journal.file).size).toBe(sizeBefore);

    // Still full: the same event is refused again (a smaller one might fit in the last page), nothing half-written,
    // and everything acknowledged reads back.
    await expect(journal.append(refused as never)).rejects.toMatchObject({ kind: 'disk-full' });
    expect(statSync(journal.file).size).toBe(sizeBefore);
    const whileFull = await inspectJournal(journal.file, key);
    expect(whileFull).toMatchObject({ ok: true, torn: null, records: { length: acknowledged.length } });
    expect(whileFull.ok && whileFull.records.map((r) => r.value)).toEqual(acknowledged);

    // A new sitting cannot start either, and leaves no file behind.
    await expect(Journal.create({ dir, sessionId: 't', journalKey: key })).rejects.toMatchObject({
      kind: 'disk-full',
      phase: 'create',
    });
    expect(readdirSync(dir)).toEqual(['s.lbtj', 's.lbtj.anchor']);

    rmSync(filler);
    expect(await journal.append({ after: 'ruimte vrijgemaakt' })).toMatchObject({
      seq: acknowledged.length + 1,
    });
    await journal.release();
    const [result] = await scanJournals(dir, key);
    expect(result!.status === 'open' && result!.events).toEqual([
      ...acknowledged,
      { after: 'ruimte vrijgemaakt' },
    ]);
  });

  it('on a read-only disk: reading works, writing is refused in Dutch, and the journal resumes once writable', async () => {
    const dir = join(mountPoint, 'ro');
    const key = randomJournalKey();
    const journal = await Journal.create({ dir, sessionId: 's', journalKey: key });
    await journal.append(sampleEvent(1));
    opened.push(journal);
    await journal.release(); // a file open for writing would block the remount
    remount('ro');
    try {
      const [scanned] = await scanJournals(dir, key);
      expect(scanned!.status === 'open' && scanned!.events).toEqual([sampleEvent(1)]);
      const opening = Journal.open({ file: journal.file, journalKey: key });
      await expect(opening).rejects.toMatchObject({ kind: 'read-only', code: 'LBT-J02', errno: 'EROFS' });
      await expect(opening).rejects.toThrow(/alleen-lezen.*\(code LBT-J02\)$/);
      await expect(Journal.create({ dir, sessionId: 't', journalKey: key })).rejects.toMatchObject({
        kind: 'read-only',
        phase: 'create',
      });
    } finally {
      remount('rw');
    }
    const { journal: resumed } = await Journal.open({ file: journal.file, journalKey: key });
    opened.push(resumed);
    await resumed.append(sampleEvent(2));
    await resumed.release();
    const [result] = await scanJournals(dir, key);
    expect(result!.status === 'open' && result!.events).toEqual([sampleEvent(1), sampleEvent(2)]);
  });
});
