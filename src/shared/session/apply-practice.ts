import { isCorrect } from '../scoring/correctness';
import type { PreparedContext } from './context';
import type { EventOf } from './events';
import { accept, reject, type ApplyResult } from './rejections';
import { addInputType, withCounts, withPractice } from './records';
import { checkResponseFits, isComplete } from './response-fit';
import type { SessionState } from './state';

/** Handlers for the practice block: voorbeeld, show, answer (with feedback), restart, finish. */

type PracticePhase = Extract<SessionState['phase'], { kind: 'practice' }>;

/**
 * The practice index a screen-opening event for `itemId` lands on: the current item if nothing of it was shown
 * yet in this visit, else the next one, which may open only once the current was answered.
 */
function arrival(
  next: SessionState,
  phase: PracticePhase,
  itemId: string,
  context: PreparedContext,
): number | ApplyResult {
  const visited = phase.shown || phase.voorbeeld !== 'none';
  const index = visited ? phase.index + 1 : phase.index;
  if (context.practiceOrdered[index]?.id !== itemId) {
    return reject(
      'not-current-item',
      `Oefenitem ${itemId} is nu niet aan de beurt (verwacht: ${context.practiceOrdered[index]?.id ?? phase.itemId}).`,
    );
  }
  if (visited && !next.practice[phase.index]!.answeredThisRound) {
    return reject('practice-unanswered', `Oefenitem ${phase.itemId} is nog niet beantwoord.`);
  }
  return index;
}

/** An event about the practice item on screen: the practice phase, or the refusal when it names another item. */
function requireCurrent(next: SessionState, itemId: string): ApplyResult | PracticePhase {
  const phase = next.phase;
  if (phase.kind !== 'practice') return reject('wrong-phase', 'Het oefenblok is voorbij.');
  if (itemId !== phase.itemId) {
    return reject('not-current-item', `Oefenitem ${itemId} is nu niet aan de beurt (nu: ${phase.itemId}).`);
  }
  return phase;
}

/** The voorbeeld events must name the item on screen, whose voorbeeld was shown: its phase, or the refusal. */
function requireVoorbeeld(
  next: SessionState,
  event: EventOf<'practice.voorbeeld-demonstrated' | 'practice.voorbeeld-replayed'>,
): ApplyResult | PracticePhase {
  const phase = requireCurrent(next, event.itemId);
  if ('ok' in phase) return phase;
  if (phase.voorbeeld === 'none')
    return reject('not-shown', `Het voorbeeld van oefenitem ${event.itemId} is nog niet getoond.`);
  return phase;
}

export function applyPracticeVoorbeeldShown(
  next: SessionState,
  event: EventOf<'practice.voorbeeld-shown'>,
  context: PreparedContext,
): ApplyResult {
  const phase = next.phase;
  if (phase.kind !== 'practice') return reject('wrong-phase', 'Het oefenblok is voorbij.');
  if (event.itemId === phase.itemId && phase.voorbeeld !== 'none') {
    return reject(
      'already-shown',
      `Het voorbeeld van oefenitem ${event.itemId} wordt al getoond; gebruik opnieuw afspelen.`,
    );
  }
  const index = arrival(next, phase, event.itemId, context);
  if (typeof index !== 'number') return index;
  if (!context.practiceOrdered[index]!.voorbeeld)
    return reject('wrong-phase', `Oefenitem ${event.itemId} heeft geen voorbeeld.`);
  return accept({
    ...next,
    phase: { kind: 'practice', index, itemId: event.itemId, shown: false, voorbeeld: 'shown' },
  });
}

export function applyPracticeVoorbeeldDemonstrated(
  next: SessionState,
  event: EventOf<'practice.voorbeeld-demonstrated'>,
): ApplyResult {
  const phase = requireVoorbeeld(next, event);
  if ('ok' in phase) return phase;
  const counted = withPractice(next, phase.index, (record) => ({
    ...record,
    demonstrations: record.demonstrations + 1,
  }));
  return accept({ ...counted, phase: { ...phase, voorbeeld: 'demonstrated' } });
}

export function applyPracticeVoorbeeldReplayed(
  next: SessionState,
  event: EventOf<'practice.voorbeeld-replayed'>,
): ApplyResult {
  const phase = requireVoorbeeld(next, event);
  if ('ok' in phase) return phase;
  // "Watch again" repeats what was seen; before the first demonstration there is nothing to repeat.
  if (phase.voorbeeld !== 'demonstrated') {
    return reject(
      'not-demonstrated',
      `Het voorbeeld van oefenitem ${event.itemId} is nog niet voorgedaan; er is niets om te herhalen.`,
    );
  }
  return accept(withPractice(next, phase.index, (record) => ({ ...record, replays: record.replays + 1 })));
}

export function applyPracticeShown(
  next: SessionState,
  event: EventOf<'practice.shown'>,
  context: PreparedContext,
): ApplyResult {
  const phase = next.phase;
  if (phase.kind !== 'practice') return reject('wrong-phase', 'Het oefenblok is voorbij.');
  if (phase.shown && event.itemId === phase.itemId)
    return reject('already-shown', `Oefenitem ${event.itemId} wordt al getoond.`);
  // After its voorbeeld, the same item's opgave; otherwise arriving at an item (which must have no voorbeeld).
  const afterVoorbeeld = !phase.shown && phase.voorbeeld !== 'none' && event.itemId === phase.itemId;
  const index = afterVoorbeeld ? phase.index : arrival(next, phase, event.itemId, context);
  if (typeof index !== 'number') return index;
  const voorbeeld = afterVoorbeeld ? phase.voorbeeld : 'none';
  if (context.practiceOrdered[index]!.voorbeeld && voorbeeld !== 'demonstrated') {
    return reject(
      'not-demonstrated',
      `Het voorbeeld van oefenitem ${event.itemId} is nog niet voorgedaan; de opgave kan nog niet open.`,
    );
  }
  const shown = withPractice(next, index, (record) => ({ ...record, shownCount: record.shownCount + 1 }));
  return accept({
    ...shown,
    phase: { kind: 'practice', index, itemId: event.itemId, shown: true, voorbeeld },
  });
}

export function applyPracticeAnswered(
  next: SessionState,
  event: EventOf<'practice.answered'>,
  context: PreparedContext,
): ApplyResult {
  const phase = requireCurrent(next, event.itemId);
  if ('ok' in phase) return phase;
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
    phase: {
      kind: 'practice',
      index: 0,
      itemId: context.practiceOrdered[0]!.id,
      shown: false,
      voorbeeld: 'none',
    } as const,
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
