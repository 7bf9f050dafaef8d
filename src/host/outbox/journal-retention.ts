/**
 * A sitting's journal follows its delivered result out of the kiosk (docs/JOURNAL.md, "Retention"). The outbox's
 * retention sweep decides when a result has expired; for each such result this module removes the sitting's
 * journal and the files that belong to it alone (head anchor, torn tails cut by recovery), the same way results
 * go (secure-remove.ts). It removes a journal only when it can tie it to that result: the journal is not open
 * for appending, verifies with this device's key and its head anchor, is closed, and its record number
 * `journal.records` hashes to the head hash the signed result quotes. Anything else is logged and kept: a refused
 * journal is evidence, an open one may still be recovered.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { SignedResult } from '../../shared/result';
import { inspectJournal, journalFileName } from '../journal';
import { isInUse } from '../journal/in-use';
import type { JournalKey } from '../keys/journal-key';
import { secureRemove } from './secure-remove';

/** Where the sittings' journals are and the key that verifies them (the session store's). */
export interface JournalRetention {
  dir: string;
  key: JournalKey;
}

/**
 * Removes the journal of the sitting whose delivered result `envelope` has expired. Returns `kept` (and logs
 * why) when the journal cannot be tied to the result; `removed` otherwise, also when only leftovers of an
 * interrupted earlier removal were there.
 */
export async function removeSittingJournal(
  journals: JournalRetention,
  envelope: SignedResult,
  log: (message: string) => void,
): Promise<'removed' | 'kept'> {
  const { sessionId, journal: quoted } = envelope.payload;
  const file = join(journals.dir, journalFileName(sessionId));
  // Only a journal that is certainly not there lets its leftovers go; any other error stops this round.
  const exists = await fs.stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (exists) {
    const why = await whyKeep(file, quoted, journals.key);
    if (why !== null) {
      log(`journal of session ${sessionId} kept after its result's retention: ${why}`);
      return 'kept';
    }
    // The journal before its anchor: a journal without its anchor would be refused as tampering at start-up.
    await secureRemove(file);
  }
  await removeLeftovers(journals.dir, sessionId);
  return 'removed';
}

/**
 * The files of one sitting beside its journal: the head anchor, torn tails, and any removal a crash interrupted.
 * Called once the journal itself is gone, so nothing here can make a journal look tampered with.
 */
export async function removeLeftovers(dir: string, sessionId: string): Promise<void> {
  const prefix = journalFileName(sessionId) + '.';
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of names.filter((n) => n.startsWith(prefix)).sort()) {
    await secureRemove(join(dir, name));
  }
}

/** The session ids of the journals in `dir`, sorted. */
export async function journalSessions(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const extension = journalFileName('');
  return names
    .filter((n) => n.endsWith(extension) && n.length > extension.length)
    .map((n) => n.slice(0, -extension.length))
    .sort();
}

async function whyKeep(
  file: string,
  quoted: { headHash: string; records: number },
  key: JournalKey,
): Promise<string | null> {
  if (isInUse(file)) return 'it is open for appending (a sitting in progress)';
  let analysis: Awaited<ReturnType<typeof inspectJournal>>;
  try {
    analysis = await inspectJournal(file, key);
  } catch (error) {
    return `it cannot be read: ${(error as Error)?.message ?? String(error)}`;
  }
  if (!analysis.ok) return `recovery refuses it (${analysis.reason}); kept for investigation`;
  if (!analysis.closed) return 'the sitting is not closed, so it can still be recovered';
  const head = quoted.records >= 1 ? analysis.records[quoted.records - 1] : undefined;
  if (!head || head.hash.toString('hex') !== quoted.headHash) {
    return 'its records do not match the head hash the delivered result quotes';
  }
  return null;
}
