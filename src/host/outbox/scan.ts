/**
 * The outbox's two walks over the data dir: finding results stored since the last look (with their persisted
 * state), and removing delivered results whose retention has passed, with their sittings' journals.
 */
import { join } from 'node:path';
import type { SignedResult } from '../../shared/result';
import type { OutboxState } from '../../shared/results-service';
import { journalFileName } from '../journal';
import { isInUse } from '../journal/in-use';
import type { ResultStore } from '../result/store';
import {
  journalSessions,
  removeLeftovers,
  removeSittingJournal,
  type JournalRetention,
} from './journal-retention';
import { OutboxMessageCode, outboxMessage } from './messages';
import { finishRemovals, secureRemove } from './secure-remove';
import type { OutboxStateStore } from './state-store';
import { knownOf, type Known } from './view';

export async function scanStore(
  results: ResultStore,
  states: OutboxStateStore,
  known: Map<string, Known>,
  unreadable: Set<string>,
  log: (message: string, error?: unknown) => void,
): Promise<void> {
  const sessionIds = await results.list();
  const present = new Set(sessionIds);
  for (const id of [...known.keys()]) if (!present.has(id)) known.delete(id);
  for (const sessionId of sessionIds) {
    if (known.has(sessionId) || unreadable.has(sessionId)) continue;
    let envelope: SignedResult | null;
    try {
      envelope = await results.read(sessionId);
    } catch (error) {
      // Kept on disk for support, never uploaded half-read, logged once per run.
      unreadable.add(sessionId);
      log(`outbox: ${outboxMessage(OutboxMessageCode.unreadable)}`, error);
      continue;
    }
    if (!envelope) continue;
    const entry = knownOf(sessionId, envelope);
    try {
      const stored = await states.read(sessionId);
      if (stored && stored.resultId === envelope.payload.resultId) entry.state = stored;
    } catch (error) {
      // A damaged state file only costs a re-upload, which the service answers idempotently.
      log(`outbox: state of session ${sessionId} is damaged; the result is sent again`, error);
    }
    known.set(sessionId, entry);
  }
}

/**
 * The one retention rule for everything a kiosk keeps of a sitting: expired once its receipt verified (the state
 * says `delivered` only then) at or before `cutoff` (ms). Results, their state files and the sittings' journals
 * all follow it.
 */
function isExpired(state: OutboxState, cutoff: number): boolean {
  return state.state === 'delivered' && state.deliveredAt !== null && Date.parse(state.deliveredAt) <= cutoff;
}

/**
 * Removes every expired result: first its sitting's journal (while the result still ties the journal to the
 * receipt), then the result (zeroed, unlinked), then its state. Each removal is crash-safe on its own
 * (secure-remove.ts), and the order means a sweep that stops half-way leaves only work the next one finishes:
 * a delivered state without a result (the second loop clears it and the journal's leftovers), or a result whose
 * journal is already gone (its leftovers go when the sweep comes back to it).
 */
export async function sweepDelivered(
  results: ResultStore,
  states: OutboxStateStore,
  known: Map<string, Known>,
  cutoff: number,
  journals: JournalRetention | null,
  note: (message: string) => void,
): Promise<void> {
  await finishRemovals(results.dir);
  if (journals) await finishRemovals(journals.dir);
  for (const entry of [...known.values()]) {
    if (!isExpired(entry.state, cutoff)) continue;
    if (journals) {
      const envelope = await results.read(entry.sessionId).catch(() => null);
      if (envelope?.payload.resultId === entry.state.resultId) {
        await removeSittingJournal(journals, envelope, note);
      } else {
        note(
          `journal of session ${entry.sessionId} kept: its result cannot be read to tie the journal to it`,
        );
      }
    }
    await secureRemove(results.fileOf(entry.sessionId));
    await states.remove(entry.sessionId);
    known.delete(entry.sessionId);
  }
  for (const sessionId of await states.list()) {
    if (known.has(sessionId)) continue;
    const state = await states.read(sessionId).catch(() => null);
    if (state?.state !== 'delivered') continue;
    // Only a sweep that stopped after removing the result gets here expired; its journal went before the result.
    if (journals && isExpired(state, cutoff)) await removeLeftovers(journals.dir, sessionId);
    await states.remove(sessionId);
  }
  if (journals) await noteUntied(journals, results, states, note);
}

/** Journals with neither a stored result nor a delivery state: nothing ties them to a receipt, so they stay. */
async function noteUntied(
  journals: JournalRetention,
  results: ResultStore,
  states: OutboxStateStore,
  note: (message: string) => void,
): Promise<void> {
  const tied = new Set([...(await results.list()), ...(await states.list())]);
  for (const sessionId of await journalSessions(journals.dir)) {
    if (tied.has(sessionId) || isInUse(join(journals.dir, journalFileName(sessionId)))) continue;
    note(`journal of session ${sessionId} belongs to no stored result; kept (docs/JOURNAL.md, "Retention")`);
  }
}
