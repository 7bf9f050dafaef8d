import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { JournalKey } from '../../src/host/keys/journal-key';

/** A fresh directory per call, removed after the test. Real files on the real disk, fsync included. */
export function tempDirs(prefix = 'lbt-journal-') {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

export function randomJournalKey(): JournalKey {
  return JournalKey.fromSecret(randomBytes(32));
}

/** An event of roughly the size a sitting writes (~300 bytes of JSON). */
export function sampleEvent(n: number) {
  return {
    type: 'answer',
    eventId: `ev-${n}`,
    itemId: `woorden-leren-${String(n).padStart(2, '0')}`,
    optionId: `optie-${n % 4}`,
    inputType: n % 3 === 0 ? 'pen' : 'touch',
    changes: n % 2,
    at: 1_763_800_000_000 + n * 1000,
    elapsedMs: 4200 + n,
    note: 'opgave beantwoord; voorbeeld overgeslagen; leerroute onbekend',
    flags: { focusLost: false, mouse: false, implausiblyFast: n === 7 },
  };
}

/**
 * A released journal of `count` sample events, its bytes and where each record lies in them. With `lastInFlight`
 * the head anchor is left where it was before the last append: the state a crash during that append leaves
 * (the record's bytes may be on disk, its anchor write never happened, so it was never acknowledged).
 */
export async function writtenJournal(
  dir: string,
  count: number,
  sessionId = 'sessie',
  options: { lastInFlight?: boolean } = {},
) {
  const { Journal } = await import('../../src/host/journal/journal');
  const { analyzeJournal } = await import('../../src/host/journal/analyze');
  const { anchorFileName } = await import('../../src/host/journal/anchor');
  const { readFileSync, writeFileSync } = await import('node:fs');
  const key = randomJournalKey();
  const journal = await Journal.create({ dir, sessionId, journalKey: key });
  let anchorBefore: Buffer | null = null;
  for (let n = 1; n <= count; n++) {
    if (n === count) anchorBefore = readFileSync(anchorFileName(journal.file));
    await journal.append(sampleEvent(n));
  }
  await journal.release();
  if (options.lastInFlight && anchorBefore) writeFileSync(anchorFileName(journal.file), anchorBefore);
  const bytes = readFileSync(journal.file);
  const analysis = analyzeJournal(bytes, key, sessionId);
  if (!analysis.ok) throw new Error('fixture journal does not verify');
  return { file: journal.file, key, bytes, records: analysis.records, headerLength: analysis.header.length };
}
