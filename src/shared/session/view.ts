import { z } from 'zod';
import { FamilyId, Id, Response } from '../items';
import type { PreparedContext } from './context';
import { isComplete } from './response-fit';
import { Phase, SessionState } from './state';

/**
 * What the page gets back from every session call: the folded state (which holds no keys and no
 * correctness of scored answers) and the current step spelled out, so a screen renders from one object.
 */
export const SessionStep = z
  .object({
    phase: Phase,
    /** The practice or scored item on screen, or null (instruction, end). */
    itemId: Id.nullable(),
    family: FamilyId.nullable(),
    itemIndex: z.number().int().min(0).nullable(),
    itemCount: z.number().int().min(0),
    practiceIndex: z.number().int().min(0).nullable(),
    practiceCount: z.number().int().min(0),
    /** The answer on the current opgave (or the last practice answer), possibly incomplete. */
    answer: Response.nullable(),
    /** "Volgende" may be active: an opgave with a complete answer. */
    canCommit: z.boolean(),
    canGoBack: z.boolean(),
    /** Feedback on the last practice answer of this round; never anything for scored items. */
    practiceFeedback: z.object({ correct: z.boolean() }).strict().nullable(),
  })
  .strict();
export type SessionStep = z.infer<typeof SessionStep>;

export const SessionView = z.object({ state: SessionState, step: SessionStep }).strict();
export type SessionView = z.infer<typeof SessionView>;

export function toSessionView(state: SessionState, context: PreparedContext): SessionView {
  return { state, step: stepOf(state, context) };
}

function stepOf(state: SessionState, context: PreparedContext): SessionStep {
  const phase = state.phase;
  const base: SessionStep = {
    phase,
    itemId: null,
    family: null,
    itemIndex: null,
    itemCount: context.ordered.length,
    practiceIndex: null,
    practiceCount: context.practiceOrdered.length,
    answer: null,
    canCommit: false,
    canGoBack: false,
    practiceFeedback: null,
  };
  const running = state.status === 'active';
  switch (phase.kind) {
    case 'practice': {
      const record = state.practice[phase.index]!;
      const answered = record.answeredThisRound;
      return {
        ...base,
        itemId: phase.itemId,
        practiceIndex: phase.index,
        answer: answered ? record.lastResponse : null,
        practiceFeedback: answered && record.lastCorrect !== null ? { correct: record.lastCorrect } : null,
      };
    }
    case 'family-instruction':
    case 'voorbeeld':
    case 'opgave': {
      const record = state.items[phase.itemIndex]!;
      const answer = phase.kind === 'opgave' ? record.current : null;
      return {
        ...base,
        itemId: record.itemId,
        family: record.family,
        itemIndex: phase.itemIndex,
        answer,
        canCommit: running && answer !== null && isComplete(answer),
        canGoBack: running && context.definition.allowBack && phase.itemIndex > 0,
      };
    }
    case 'end':
      return { ...base, canGoBack: running && context.definition.allowBack && context.ordered.length > 0 };
    case 'not-opened':
      return base;
  }
}
