import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LanguageCode, Response } from '../../../src/shared/items';
import type { SessionState } from '../../../src/shared/session/state';
import { stageOf, type CandidateAction, type CandidatePackage, type LocalFlags, type Stage } from './model';
import type { CandidatePort } from './port';

export interface CandidateState {
  status: 'idle' | 'opening' | 'ready' | 'failed';
  pkg: CandidatePackage | null;
  /** The host's last answer: the only source of which screen is shown. */
  session: SessionState | null;
  flags: LocalFlags;
  /** Practice answers are sent once, on "volgende"; until then the draft lives here. */
  practiceDraft: { itemId: string; response: Response } | null;
  /** Events accepted from the candidate but not yet answered by the host, oldest first. */
  queue: CandidateAction[];
  /** The event the host is handling now. */
  inFlight: CandidateAction | null;
  /** A refusal or outage; shown calmly, the afnemer reads the details. */
  problem: string | null;
  /**
   * Since when (epoch ms) the candidate has touched nothing on a screen that waits for them (a voorbeeld before
   * PLAY, an opgave); null elsewhere. Only for the afnemer's overlay: the host records long spells itself.
   */
  quietSince: number | null;
  /**
   * The host did not answer at all (its process died, or it refuses this page's launch token after a restart):
   * the page shows its waiting pictogram and keeps asking the host for its state until it answers.
   */
  hostDown: boolean;
}

/** Waits between attempts to reach a silent host: soon at first, then calmly, never hammering it. */
export const HOST_RETRY_MS = [1000, 2000, 4000, 5000] as const;

export interface CandidateStore extends StoreApi<CandidateState> {
  open(candidateRef: string, language: LanguageCode): Promise<void>;
  /** Queues an event; events reach the host one at a time, in the order the candidate made them. */
  send(action: CandidateAction): Promise<void>;
  /** Queues an event unless the same one is already queued or in flight (screen-entry records). */
  sendOnce(action: CandidateAction): Promise<void>;
  /** Resolves when every queued event has been answered. */
  settled(): Promise<void>;
  /**
   * Re-reads the host's state when the page is idle, so what the afnemer does (pause, resume, abort)
   * reaches the candidate's screen without a tap.
   */
  refresh(): Promise<void>;
  /** Resolves when the host answers again after it went silent (at once when it never did). */
  reconnected(): Promise<void>;
}

export function stage(state: CandidateState): Stage | null {
  return state.session ? stageOf(state.session, state.flags) : null;
}

/**
 * The answer to draw: the latest change the candidate made (even while it is still on its way to the
 * host), else the answer the host holds. This is how a tap during a pending host call stays visible.
 */
export function shownResponse(state: CandidateState): Response | null {
  const current = stage(state);
  if (current?.kind === 'practice') {
    return state.practiceDraft?.itemId === current.itemId ? state.practiceDraft.response : current.answered;
  }
  if (current?.kind !== 'opgave') return null;
  // The in-flight event is older than everything queued: the last pending change is the newest answer.
  const pending = [...(state.inFlight ? [state.inFlight] : []), ...state.queue];
  let latest: Response | null = null;
  for (const action of pending) {
    if (action.type === 'answer.changed' && action.itemId === current.itemId) latest = action.response;
  }
  return latest ?? current.response;
}

const ADVANCING: ReadonlySet<CandidateAction['type']> = new Set([
  'practice.voorbeeld-shown',
  'practice.voorbeeld-demonstrated',
  'practice.shown',
  'practice.answered',
  'practice.restarted',
  'practice.finished',
  'voorbeeld.shown',
  'voorbeeld.demonstrated',
  'opgave.shown',
  'answer.committed',
]);

/** Records that may be refused harmlessly (a sound on a screen just left): refusal drops only them. */
const BENIGN: ReadonlySet<CandidateAction['type']> = new Set([
  'audio.played',
  'candidate.idle',
  'voorbeeld.replayed',
  'practice.voorbeeld-replayed',
]);

/**
 * Whether an event that moves the sitting on is queued or being handled. While it is, "volgende" and
 * the like ignore taps: a double tap advances exactly once.
 */
export function advancePending(state: CandidateState): boolean {
  const advancing = (a: CandidateAction | null) => a !== null && ADVANCING.has(a.type);
  return advancing(state.inFlight) || state.queue.some(advancing);
}

export function createCandidateStore(
  port: CandidatePort,
  options: { wait?: (ms: number) => Promise<void> } = {},
): CandidateStore {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const store = createStore<CandidateState>(() => ({
    status: 'idle',
    pkg: null,
    session: null,
    flags: { practiceDoneRound: null },
    practiceDraft: null,
    queue: [],
    inFlight: null,
    problem: null,
    quietSince: null,
    hostDown: false,
  }));
  let draining: Promise<void> = Promise.resolve();
  let reconnecting: Promise<void> | null = null;

  /**
   * The host is gone. What was queued or on its way is dropped, never sent again: a call that lost its
   * connection may still have been written to the host's journal just before the host died, and most events
   * are not idempotent there (a second answer.changed or answer.committed would be a second record). So the
   * page does not guess: when the host answers again, its journal decides what is on screen, and a tap the
   * host never took visibly snaps back to the answer the host holds. Until then, ask every few seconds.
   */
  function hostLost(): Promise<void> {
    store.setState({ queue: [], inFlight: null, hostDown: true });
    reconnecting ??= (async () => {
      for (let attempt = 0; ; attempt++) {
        await wait(HOST_RETRY_MS[Math.min(attempt, HOST_RETRY_MS.length - 1)]!);
        const fresh = await port.state();
        if (fresh.ok) {
          store.setState({ session: fresh.value, hostDown: false, problem: null });
          break;
        }
      }
      reconnecting = null;
    })();
    return reconnecting;
  }

  async function drain(): Promise<void> {
    for (;;) {
      const [next, ...rest] = store.getState().queue;
      if (!next) return;
      store.setState({ queue: rest, inFlight: next });
      const result = await port.dispatch(next);
      if (result.ok) {
        store.setState({ session: result.value, inFlight: null, problem: null });
        continue;
      }
      if (result.error.code === 'unavailable') {
        void hostLost();
        return;
      }
      if (BENIGN.has(next.type)) {
        store.setState({ inFlight: null });
        continue;
      }
      // The host refused (e.g. the afnemer paused the sitting): drop what was built on this event and
      // show the host's own state again, so the page never runs ahead of the record.
      const fresh = await port.state();
      store.setState({
        queue: [],
        inFlight: null,
        problem: result.error.message,
        ...(fresh.ok ? { session: fresh.value } : {}),
      });
      return;
    }
  }

  const same = (a: CandidateAction | null, b: CandidateAction) =>
    a !== null && JSON.stringify(a) === JSON.stringify(b);

  const api = {
    async open(candidateRef: string, language: LanguageCode) {
      store.setState({ status: 'opening', problem: null });
      const result = await port.open({ candidateRef, language });
      if (result.ok) store.setState({ status: 'ready', pkg: result.value.pkg, session: result.value.state });
      else store.setState({ status: 'failed', problem: result.error.message });
    },
    send(action: CandidateAction) {
      // While the host is silent the waiting pictogram covers the screen: nothing is taken, nothing piles up.
      if (store.getState().hostDown) return draining;
      store.setState((state) => ({ queue: [...state.queue, action] }));
      if (!store.getState().inFlight) draining = drain();
      return draining;
    },
    sendOnce(action: CandidateAction) {
      const state = store.getState();
      if (same(state.inFlight, action) || state.queue.some((queued) => same(queued, action))) return draining;
      return api.send(action);
    },
    settled() {
      return draining;
    },
    reconnected() {
      return reconnecting ?? Promise.resolve();
    },
    async refresh() {
      const before = store.getState();
      if (before.status !== 'ready' || before.hostDown || before.inFlight || before.queue.length > 0) return;
      const fresh = await port.state();
      if (!fresh.ok && fresh.error.code === 'unavailable') return void hostLost();
      const now = store.getState();
      // Only if nothing happened meanwhile and the host has moved on: never overwrite a newer answer.
      if (!fresh.ok || now.inFlight || now.queue.length > 0 || now.session !== before.session) return;
      if (fresh.value.lastSeq !== now.session?.lastSeq) store.setState({ session: fresh.value });
    },
  };
  return Object.assign(store, api);
}
