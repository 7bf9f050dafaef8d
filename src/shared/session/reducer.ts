import { applyAudioPlayed } from './apply-audio';
import {
  applyAnswerChanged,
  applyAnswerCommitted,
  applyCandidateIdle,
  applyFamilyInstructionShown,
  applyNavigatedBack,
  applyOpgaveShown,
  applyVoorbeeldDemonstrated,
  applyVoorbeeldReplayed,
  applyVoorbeeldShown,
} from './apply-items';
import {
  applyAborted,
  applyClosed,
  applyCompleted,
  applyDisplayChanged,
  applyEndedEarly,
  applyInterrupted,
  applyOpened,
  applyPaused,
  applyResumed,
} from './apply-lifecycle';
import {
  applyPracticeAnswered,
  applyPracticeFinished,
  applyPracticeRestarted,
  applyPracticeShown,
  applyPracticeVoorbeeldDemonstrated,
  applyPracticeVoorbeeldReplayed,
  applyPracticeVoorbeeldShown,
} from './apply-practice';
import { advanceClock, ms } from './clock';
import { prepareContext, type PreparedContext, type SessionContext } from './context';
import type { SessionEvent } from './events';
import { initialState } from './initial-state';
import { reject, type ApplyResult } from './rejections';
import type { SessionState } from './state';

export interface SessionReducer {
  readonly context: PreparedContext;
  /** The state before any event. */
  readonly initial: SessionState;
  /** Applies one event: the new state, or why the event is invalid now (the given state is never changed). */
  apply(state: SessionState, event: SessionEvent): ApplyResult;
  /** Folds events onto `from` (default: the initial state); stops at the first rejected event. */
  fold(events: readonly SessionEvent[], from?: SessionState): FoldResult;
}

export type FoldResult =
  | { ok: true; state: SessionState }
  | { ok: false; state: SessionState; index: number; code: string; reason: string };

/**
 * The one session reducer, folded by the host only (live, and from the journal to resume after a crash). The
 * renderer shows the host's answer and the server re-scores from the responses with src/shared/scoring.
 * Built per package because what is valid (which item is next, what fits an opgave) depends on it.
 */
export function createSessionReducer(content: SessionContext): SessionReducer {
  const context = prepareContext(content);
  const apply = (state: SessionState, event: SessionEvent): ApplyResult => applyEvent(state, event, context);
  return {
    context,
    initial: initialState(context),
    apply,
    fold(events, from = initialState(context)) {
      let state = from;
      for (const [index, event] of events.entries()) {
        const result = apply(state, event);
        if (!result.ok) return { ok: false, state, index, code: result.code, reason: result.reason };
        state = result.state;
      }
      return { ok: true, state };
    },
  };
}

function applyEvent(prev: SessionState, event: SessionEvent, context: PreparedContext): ApplyResult {
  if (prev.status === 'closed') return reject('closed', 'De sessie is gesloten; er kan niets meer bij.');
  if (event.type === 'session.opened') return applyOpened(prev, event, context);
  if (prev.status === 'new') return reject('not-opened', 'Er is nog geen sessie geopend.');
  if (event.seq !== prev.lastSeq + 1) {
    return reject(
      'seq-out-of-order',
      `Gebeurtenis ${event.seq} volgt niet op ${prev.lastSeq}: er ontbreekt er een of er is er een dubbel.`,
    );
  }
  if (ms(event.at) < ms(prev.clock.lastAt!)) {
    return reject(
      'time-backwards',
      `Het tijdstip ${event.at} ligt vóór de vorige gebeurtenis (${prev.clock.lastAt}).`,
    );
  }
  // Every event moves the clock and the counters; the handler decides whether it is valid at all.
  const next: SessionState = {
    ...prev,
    lastSeq: event.seq,
    clock: advanceClock(prev.clock, prev.status, event.at),
    counts: { ...prev.counts, events: prev.counts.events + 1 },
  };
  switch (event.type) {
    case 'session.paused':
      return applyPaused(prev, next, event);
    case 'session.resumed':
      return applyResumed(prev, next, event);
    case 'session.interrupted':
      return applyInterrupted(prev, next, event);
    case 'display.changed':
      return applyDisplayChanged(prev, next, event);
    case 'session.aborted':
      return applyAborted(prev, next, event);
    case 'session.completed':
      return applyCompleted(prev, next, event);
    case 'session.ended-early':
      return applyEndedEarly(prev, next, event, context);
    case 'session.closed':
      return applyClosed(prev, next, event);
    case 'audio.played':
      if (prev.status === 'completed' && event.source.kind === 'instruction')
        return applyAudioPlayed(next, event);
  }
  const notRunning = requireRunning(prev);
  if (notRunning) return notRunning;
  switch (event.type) {
    case 'audio.played':
      return applyAudioPlayed(next, event);
    case 'practice.voorbeeld-shown':
      return applyPracticeVoorbeeldShown(next, event, context);
    case 'practice.voorbeeld-demonstrated':
      return applyPracticeVoorbeeldDemonstrated(next, event);
    case 'practice.voorbeeld-replayed':
      return applyPracticeVoorbeeldReplayed(next, event);
    case 'practice.shown':
      return applyPracticeShown(next, event, context);
    case 'practice.answered':
      return applyPracticeAnswered(next, event, context);
    case 'practice.restarted':
      return applyPracticeRestarted(next, context);
    case 'practice.finished':
      return applyPracticeFinished(next, context);
    case 'family.instruction-shown':
      return applyFamilyInstructionShown(next, event);
    case 'voorbeeld.shown':
      return applyVoorbeeldShown(next, event, context);
    case 'voorbeeld.replayed':
      return applyVoorbeeldReplayed(next, event);
    case 'voorbeeld.demonstrated':
      return applyVoorbeeldDemonstrated(next, event);
    case 'opgave.shown':
      return applyOpgaveShown(next, event);
    case 'answer.changed':
      return applyAnswerChanged(next, event, context);
    case 'answer.committed':
      return applyAnswerCommitted(next, event, context);
    case 'navigation.back':
      return applyNavigatedBack(next, context);
    case 'candidate.idle':
      return applyCandidateIdle(next, event);
  }
}

/** The candidate's own actions need a running, unpaused sitting. */
function requireRunning(state: SessionState): ApplyResult | null {
  if (state.status === 'paused') return reject('paused', 'De sessie is gepauzeerd: hervat eerst.');
  if (state.status !== 'active') return reject('ended', 'De toets is al afgelopen.');
  return null;
}
