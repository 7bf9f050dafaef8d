import type { FamilyId, Instructions, Response, TestDefinition } from '../../../src/shared/items';
import type { ItemView, PracticeItemView } from '../../../src/shared/items/package-view';
import type { SessionEventInput } from '../../../src/shared/session/events';
import type { PracticeVoorbeeld, SessionState } from '../../../src/shared/session/state';

/** What the page knows of the package. */
export interface CandidatePackage {
  packageId: string;
  definition: TestDefinition;
  items: ItemView[];
  practice: PracticeItemView[];
  instructions: Instructions;
}

/** Everything the candidate screens ask the host to record: exactly the session's page events. */
export type CandidateAction = SessionEventInput;

/** Which screen the candidate sees: derived from the host's session state plus a few view-only flags. */
export type Stage =
  | { kind: 'welcome' }
  | {
      kind: 'practice';
      index: number;
      itemId: string;
      /** The opgave was shown; before that, an item with a voorbeeld shows the voorbeeld. */
      shown: boolean;
      /** How far the item's voorbeeld got in this visit (the host's record, so a reload resumes there). */
      voorbeeld: PracticeVoorbeeld;
      /** Feedback for the last answer in this round: gentle, and never a score. */
      feedback: 'correct' | 'try-again' | null;
      /** The answer that feedback was for. */
      answered: Response | null;
      last: boolean;
    }
  | { kind: 'practice-done' }
  | { kind: 'family-instruction'; family: FamilyId; itemIndex: number; shown: boolean }
  | { kind: 'voorbeeld'; index: number; itemId: string; shown: boolean; demonstrated: boolean }
  | { kind: 'opgave'; index: number; itemId: string; shown: boolean; response: Response | null }
  | { kind: 'end' }
  | { kind: 'paused' }
  | { kind: 'closed' };

/** View-only flags the host does not need: which feedback the candidate has already moved past. */
export interface LocalFlags {
  /** The practice round (counts.practiceRounds) whose last feedback was acknowledged. */
  practiceDoneRound: number | null;
}

export function stageOf(state: SessionState, flags: LocalFlags): Stage {
  if (state.status === 'paused') return { kind: 'paused' };
  if (state.status === 'closed' || state.status === 'aborted') return { kind: 'closed' };
  const phase = state.phase;
  switch (phase.kind) {
    case 'not-opened':
      return { kind: 'welcome' };
    case 'practice': {
      const record = state.practice[phase.index];
      const round = state.counts.practiceRounds;
      if (phase.index === 0 && !phase.shown && phase.voorbeeld === 'none' && round <= 1)
        return { kind: 'welcome' };
      const allAnswered = state.practice.every((r) => r.answeredThisRound);
      if (allAnswered && flags.practiceDoneRound === round) return { kind: 'practice-done' };
      const answered = record?.answeredThisRound ?? false;
      return {
        kind: 'practice',
        index: phase.index,
        itemId: phase.itemId,
        shown: phase.shown,
        voorbeeld: phase.voorbeeld,
        feedback: answered ? (record?.lastCorrect ? 'correct' : 'try-again') : null,
        answered: answered ? (record?.lastResponse ?? null) : null,
        last: phase.index === state.practice.length - 1,
      };
    }
    case 'family-instruction':
      return {
        kind: 'family-instruction',
        family: phase.family,
        itemIndex: phase.itemIndex,
        shown: phase.shown,
      };
    case 'voorbeeld':
      return {
        kind: 'voorbeeld',
        index: phase.itemIndex,
        itemId: phase.itemId,
        shown: phase.shown,
        demonstrated: phase.demonstrated,
      };
    case 'opgave': {
      const record = state.items[phase.itemIndex];
      return {
        kind: 'opgave',
        index: phase.itemIndex,
        itemId: phase.itemId,
        shown: record?.opgaveShownAt != null,
        response: record?.current ?? null,
      };
    }
    case 'end':
      return { kind: 'end' };
  }
}

/** What opens a practice item: its voorbeeld when it has one (watch first), else its opgave. */
export function arriveAt(item: PracticeItemView): CandidateAction {
  return item.voorbeeld
    ? { type: 'practice.voorbeeld-shown', itemId: item.id }
    : { type: 'practice.shown', itemId: item.id };
}

/**
 * How the candidate acted, recorded with every answer: the pointer's type. The session knows touch, pen
 * and mouse only; a keyboard activation (assistive use, never the prescribed set-up) is recorded as
 * `mouse`, which the result already flags as "not touch".
 */
export type { InputType } from '../../../src/shared/session/event-parts';
