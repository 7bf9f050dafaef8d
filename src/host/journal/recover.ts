/**
 * Start-of-day recovery: find the journals, verify each, cut a torn final record (keeping the cut bytes beside
 * the journal for inspection) and refuse a journal with corruption before its end without touching it.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { JOURNAL_EXTENSION, RecordType } from '../../shared/journal/format';
import type { JournalScanResult, Truncation } from '../../shared/journal/recovery-report';
import { writeFileDurably } from '../keys/durable-fs';
import type { JournalKey } from '../keys/journal-key';
import { analyzeJournal, type Analysis, type TornTail } from './analyze';
import { checkAnchor, readAnchor } from './anchor';
import { JournalUsageError, JournalWriteError } from './errors';
import { isInUse } from './in-use';

export function journalFileName(sessionId: string): string {
  return sessionId + JOURNAL_EXTENSION;
}

function sessionIdOf(file: string): string {
  return basename(file).slice(0, -JOURNAL_EXTENSION.length);
}

/** Reads and verifies a journal and its head anchor without changing anything. */
export async function inspectJournal(file: string, journalKey: JournalKey): Promise<Analysis> {
  return withAnchor(file, await fs.readFile(file), journalKey);
}

/** The byte-level analysis, then the head anchor's verdict: a shorter journal than acknowledged is refused. */
async function withAnchor(file: string, bytes: Buffer, journalKey: JournalKey): Promise<Analysis> {
  const analysis = analyzeJournal(bytes, journalKey, sessionIdOf(file));
  if (!analysis.ok) return analysis;
  const sessionId = analysis.header.sessionId;
  const verdict = checkAnchor(
    await readAnchor(file),
    analysis.records,
    sessionId,
    journalKey.forSession(sessionId),
  );
  return verdict ? { ok: false, ...verdict } : analysis;
}

/**
 * Verifies one journal and applies the only repair recovery ever makes: cutting a torn final record.
 * Throws JournalWriteError if that cut cannot be written (e.g. the disk is read-only).
 */
export async function recoverJournal(file: string, journalKey: JournalKey): Promise<JournalScanResult> {
  if (isInUse(file)) {
    throw new JournalUsageError(
      `${file} is open for appending in this process; recover journals before opening them`,
    );
  }
  const bytes = await fs.readFile(file);
  const analysis = await withAnchor(file, bytes, journalKey);
  if (!analysis.ok) {
    const { recordNumber, reason, detail } = analysis;
    return { status: 'refused', file, recordNumber, reason, detail };
  }
  const truncated = analysis.torn ? await cutTornTail(file, bytes, analysis.torn) : null;
  const events = analysis.records.filter((r) => r.type === RecordType.event).map((r) => r.value);
  const close = analysis.records.find((r) => r.type === RecordType.close);
  return {
    status: analysis.closed ? 'closed' : 'open',
    file,
    sessionId: analysis.header.sessionId,
    createdAtMs: analysis.header.createdAtMs,
    events,
    closeInfo: close ? close.value : null,
    records: analysis.records.length,
    headHash: analysis.headHash.toString('hex'),
    truncated,
  };
}

/**
 * Every `*.lbtj` in `dir`, recovered, in file-name order. A missing directory has no journals. Run it at start,
 * before journals are opened for appending (a journal in use makes it throw); `inspectJournal` only reads.
 */
export async function scanJournals(dir: string, journalKey: JournalKey): Promise<JournalScanResult[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const results: JournalScanResult[] = [];
  for (const name of names.filter((n) => n.endsWith(JOURNAL_EXTENSION)).sort()) {
    results.push(await recoverJournal(join(dir, name), journalKey));
  }
  return results;
}

async function cutTornTail(file: string, bytes: Buffer, torn: TornTail): Promise<Truncation> {
  // Keep what we cut: it is at most one unacknowledged write, but if the judgement was ever wrong it is evidence.
  let savedAs: string | null = null;
  try {
    // A crash at the same offset twice gives two different tails: a unique name never overwrites an earlier one.
    const name = `${file}.torn-${torn.offset}-${Date.now()}-${randomBytes(3).toString('hex')}`;
    const outcome = await writeFileDurably(name, bytes.subarray(torn.offset), {
      mode: 0o600,
      exclusive: true,
    });
    if (outcome === 'created') savedAs = name;
  } catch {
    savedAs = null; // A full disk must not block recovery; the report says the bytes were not kept.
  }
  try {
    const handle = await fs.open(file, 'r+');
    try {
      await handle.truncate(torn.offset);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw JournalWriteError.from(error, file, 'recover');
  }
  return { ...torn, savedAs };
}
