import type { PreparedContext } from './context';
import type { ItemRecord, PracticeRecord, SessionState } from './state';

/** The state before any event: every record present and empty, so the UI never meets a missing item. */
export function initialState(context: PreparedContext): SessionState {
  return {
    schema: 'lbt.session-state/1',
    status: 'new',
    session: null,
    lastSeq: 0,
    phase: { kind: 'not-opened' },
    practice: context.practiceOrdered.map((item): PracticeRecord => ({
      itemId: item.id,
      shownCount: 0,
      attempts: 0,
      answeredThisRound: false,
      lastResponse: null,
      lastCorrect: null,
      inputTypes: [],
    })),
    items: context.ordered.map((item): ItemRecord => ({
      itemId: item.id,
      family: item.family,
      voorbeeldShownAt: null,
      demonstrations: 0,
      replays: 0,
      opgaveShownAt: null,
      current: null,
      committed: null,
      committedAt: null,
      responseMs: null,
      enteredAtActiveMs: null,
      changes: 0,
      commits: 0,
      inputTypes: [],
      audioPlays: 0,
    })),
    familiesInstructed: [],
    pause: null,
    ending: null,
    closedBy: null,
    clock: {
      openedAt: null,
      lastAt: null,
      endedAt: null,
      closedAt: null,
      activeMs: 0,
      pausedMs: 0,
      interruptedMs: 0,
    },
    incidents: [],
    counts: {
      events: 0,
      committed: 0,
      changes: 0,
      replays: 0,
      audioPlays: 0,
      practiceAttempts: 0,
      practiceRounds: 0,
      pauses: 0,
      interruptions: 0,
    },
  };
}
