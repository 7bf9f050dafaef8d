/** Reads a sitting's journal from outside the host (read-only) and folds it afresh with the shared reducer. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inspectJournal, type Analysis } from '../../src/host/journal';
import { FileKeyProvider } from '../../src/host/keys/file-key-provider';
import { loadJournalKey, type JournalKey } from '../../src/host/keys/journal-key';
import {
  createSessionReducer,
  SessionEvent,
  type SessionContext,
  type SessionState,
} from '../../src/shared/session';

export async function journalKeyOf(dataDir: string): Promise<JournalKey> {
  return loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
}

export const journalFile = (dataDir: string, sessionId: string) =>
  join(dataDir, 'journals', `${sessionId}.lbtj`);

export interface JournalView {
  analysis: Analysis & { ok: true };
  events: SessionEvent[];
  fold: SessionState;
}

/** null when the journal does not exist; throws when it is refused or does not fold (both are failures here). */
export async function readJournal(
  file: string,
  key: JournalKey,
  content: SessionContext,
): Promise<JournalView | null> {
  if (!existsSync(file)) return null;
  const analysis = await inspectJournal(file, key);
  if (!analysis.ok)
    throw new Error(`journal ${file} refused at record ${analysis.recordNumber}: ${analysis.reason}`);
  const events = analysis.records.filter((r) => r.type === 1).map((r) => SessionEvent.parse(r.value));
  const folded = createSessionReducer(content).fold(events);
  if (!folded.ok)
    throw new Error(`journal ${file} does not fold at event ${folded.index + 1}: ${folded.reason}`);
  return { analysis, events, fold: folded.state };
}

/** How many of the plan's inputs the journal holds (host-only events are not in the plan). */
export function planPosition(events: readonly SessionEvent[]): number {
  return events.filter((e) => e.type !== 'session.opened' && e.type !== 'session.interrupted').length;
}
