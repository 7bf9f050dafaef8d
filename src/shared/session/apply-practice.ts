import { isCorrect } from '../scoring/correctness';
import type { PreparedContext } from './context';
import type { EventOf } from './events';
import { accept, reject, type ApplyResult } from './rejections';
import { addInputType, withCounts, withPractice } from './records';
import { checkResponseFits, isComplete } from './response-fit';
import type { SessionState } from './state';

/** Handlers for the practice block: show, answer (with feedback), restart, finish. */

export function applyPracticeShown(
  next: SessionState,
  event: EventOf<'practice.shown'>,
  context: PreparedContext,
): ApplyResult {
  const phase = next.phase;
  if (phase.kind !== 'practice') return reject('wrong-phase', 'Het oefenblok is voorbij.');
  let index = phase.index;
  if (phase.shown) {
    if (event.itemId === phase.itemId)
      return reject('already-shown', `Oefenitem ${event.itemId} wordt al getoond.`);
    index = phase.index + 1;
    if (
      context.practiceOrdered[index]?.id === event.itemId &&
      !next.practice[phase.index]!.answeredThisRound
    ) {
      return reject('practice-unanswered', `Oefenitem ${phase.itemId} is nog niet beantwoord.`);
    }
  }
  if (context.practiceOrdered[index]?.id !== event.itemId) {
    return reject(
      'not-current-item',
      `Oefenitem ${event.itemId} is nu niet aan de beurt (verwacht: ${context.practiceOrdered[index]?.id ?? phase.itemId}).`,
    );
  }
  const shown = withPractice(next, index, (record) => ({ ...record, shownCount: record.shownCount + 1 }));
  return accept({ ...shown, phase: { kind: 'practice', index, itemId: event.itemId, shown: true } });
}

export function applyPracticeAnswered(
  next: SessionState,
  event: EventOf<'practice.answered'>,
  context: PreparedContext,
): ApplyResult {
  const phase = next.phase;
  if (phase.kind !== 'practice') return reject('wrong-phase', 'Het oefenblok is voorbij.');
  if (event.itemId !== phase.itemId) {
    return reject(
      'not-current-item',
      `Oefenitem ${event.itemId} is nu niet aan de beurt (nu: ${phase.itemId}).`,
    );
  }
  if (!phase.shown) return reject('not-shown', `Oefenitem ${event.itemId} is nog niet getoond.`);
  const item = context.practiceOrdered[phase.index]!;
  const misfit = checkResponseFits(event.response, item.opgave);
  if (misfit)
    return reject('response-mismatch', `Dit antwoord past niet bij oefenitem ${item.id}: ${misfit}.`);
  if (!isComplete(event.response)) return reject('incomplete-answer', 'Het antwoord is nog niet compleet.');
  if (event.correct !== isCorrect(event.response, item.key)) {
    return reject(
      'feedback-mismatch',
      `De terugkoppeling voor oefenitem ${item.id} klopt niet met de sleutel.`,
    );
  }
  const answered = withPractice(next, phase.index, (record) => ({
    ...record,
    attempts: record.attempts + 1,
    answeredThisRound: true,
    lastResponse: event.response,
    lastCorrect: event.correct,
    inputTypes: addInputType(record.inputTypes, event.inputType),
  }));
  return accept(withCounts(answered, { practiceAttempts: 1 }));
}

export function applyPracticeRestarted(next: SessionState, context: PreparedContext): ApplyResult {
  const phase = next.phase;
  const beforeTest =
    phase.kind === 'family-instruction' &&
    phase.itemIndex === 0 &&
    !phase.shown &&
    next.familiesInstructed.length === 0;
  if (phase.kind !== 'practice' && !beforeTest) {
    return reject('wrong-phase', 'Oefenen kan alleen opnieuw vóór de eerste opgave.');
  }
  const reset = {
    ...next,
    practice: next.practice.map((record) => ({ ...record, answeredThisRound: false })),
    phase: { kind: 'practice', index: 0, itemId: context.practiceOrdered[0]!.id, shown: false } as const,
  };
  return accept(withCounts(reset, { practiceRounds: 1 }));
}

export function applyPracticeFinished(next: SessionState, context: PreparedContext): ApplyResult {
  if (next.phase.kind !== 'practice') return reject('wrong-phase', 'Het oefenblok is al afgelopen.');
  const open = next.practice.filter((record) => !record.answeredThisRound).map((record) => record.itemId);
  if (open.length > 0) {
    return reject('practice-unanswered', `Nog niet alle oefenitems zijn beantwoord: ${open.join(', ')}.`);
  }
  return accept({
    ...next,
    phase: { kind: 'family-instruction', family: context.familyOf(0), itemIndex: 0, shown: false },
  });
}
