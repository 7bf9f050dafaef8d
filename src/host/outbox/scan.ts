/**
 * The outbox's two walks over the data dir: finding results stored since the last look (with their persisted
 * state), and removing delivered results whose retention has passed.
 */
import type { SignedResult } from '../../shared/result';
import type { ResultStore } from '../result/store';
import { OutboxMessageCode, outboxMessage } from './messages';
import { secureRemove } from './secure-remove';
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
 * Removes every result delivered before `cutoff` (ms): first the result (zeroed, unlinked), then its state,
 * so a run that stops half-way leaves a delivered state without a result, which the second loop clears.
 */
export async function sweepDelivered(
  results: ResultStore,
  states: OutboxStateStore,
  known: Map<string, Known>,
  cutoff: number,
): Promise<void> {
  for (const entry of [...known.values()]) {
    const at = entry.state.deliveredAt;
    if (entry.state.state !== 'delivered' || at === null || Date.parse(at) > cutoff) continue;
    await secureRemove(results.fileOf(entry.sessionId));
    await states.remove(entry.sessionId);
    known.delete(entry.sessionId);
  }
  for (const sessionId of await states.list()) {
    if (known.has(sessionId)) continue;
    const state = await states.read(sessionId).catch(() => null);
    if (state?.state === 'delivered') await states.remove(sessionId);
  }
}
