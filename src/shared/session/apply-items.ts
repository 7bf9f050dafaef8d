import { startsFamily, type PreparedContext } from './context';
import type { EventOf } from './events';
import { accept, reject, type ApplyResult } from './rejections';
import { addInputType, withCounts, withItem } from './records';
import { checkResponseFits, isComplete } from './response-fit';
import type { Phase, SessionState } from './state';

/** Handlers for the scored part: family instruction, voorbeeld, opgave, answers and going back. */

type ItemEvent = EventOf<
  | 'voorbeeld.replayed'
  | 'voorbeeld.demonstrated'
  | 'opgave.shown'
  | 'answer.changed'
  | 'answer.committed'
  | 'candidate.idle'
>;

/** The phase after item `index - 1`: the next item's opgave if it was seen before (after going back), else its instruction or voorbeeld. */
export function phaseAt(state: SessionState, context: PreparedContext, index: number): Phase {
  if (index >= context.ordered.length) return { kind: 'end' };
  const itemId = context.ordered[index]!.id;
  if (state.items[index]!.opgaveShownAt !== null) return { kind: 'opgave', itemIndex: index, itemId };
  if (startsFamily(context, index)) {
    return { kind: 'family-instruction', family: context.familyOf(index), itemIndex: index, shown: false };
  }
  return { kind: 'voorbeeld', itemIndex: index, itemId, shown: false, demonstrated: false };
}

/** Checks that an item event names the item on screen and that the screen is one of `allowed`. */
function requireCurrent(state: SessionState, event: ItemEvent, allowed: Phase['kind'][]): ApplyResult | null {
  const phase = state.phase;
  if (!allowed.includes(phase.kind)) {
    const where =
      phase.kind === 'voorbeeld' ? 'de opgave is nog niet geopend' : `het scherm is nu "${phase.kind}"`;
    return reject('wrong-phase', `"${event.type}" kan nu niet: ${where}.`);
  }
  if ((phase.kind === 'voorbeeld' || phase.kind === 'opgave') && phase.itemId !== event.itemId) {
    return reject('not-current-item', `Item ${event.itemId} is nu niet aan de beurt (nu: ${phase.itemId}).`);
  }
  return null;
}

/** Starts (or restarts) the opgave's time on the clock. */
function enter(state: SessionState, index: number): SessionState {
  return withItem(state, index, (record) => ({ ...record, enteredAtActiveMs: state.clock.activeMs }));
}

/** Adds the active time since the opgave was entered to its response time. */
function leave(state: SessionState, index: number): SessionState {
  return withItem(state, index, (record) => ({
    ...record,
    responseMs:
      (record.responseMs ?? 0) + (state.clock.activeMs - (record.enteredAtActiveMs ?? state.clock.activeMs)),
    enteredAtActiveMs: null,
  }));
}

export function applyFamilyInstructionShown(
  next: SessionState,
  event: EventOf<'family.instruction-shown'>,
): ApplyResult {
  const phase = next.phase;
  if (phase.kind !== 'family-instruction')
    return reject('wrong-phase', 'Er is nu geen instructie voor een nieuw onderdeel.');
  if (phase.family !== event.family) {
    return reject(
      'not-current-item',
      `Nu is de instructie voor "${phase.family}" aan de beurt, niet "${event.family}".`,
    );
  }
  if (phase.shown) return reject('already-shown', `De instructie voor "${event.family}" is al getoond.`);
  const families = next.familiesInstructed.includes(event.family)
    ? next.familiesInstructed
    : [...next.familiesInstructed, event.family];
  return accept({ ...next, familiesInstructed: families, phase: { ...phase, shown: true } });
}

export function applyVoorbeeldShown(
  next: SessionState,
  event: EventOf<'voorbeeld.shown'>,
  context: PreparedContext,
): ApplyResult {
  const phase = next.phase;
  if (phase.kind === 'family-instruction' && !phase.shown) {
    return reject('not-shown', `Eerst de instructie voor "${phase.family}", dan het voorbeeld.`);
  }
  if (phase.kind === 'voorbeeld' && phase.shown && phase.itemId === event.itemId) {
    return reject(
      'already-shown',
      `Het voorbeeld van ${event.itemId} wordt al getoond; gebruik opnieuw afspelen.`,
    );
  }
  const ready = phase.kind === 'family-instruction' || (phase.kind === 'voorbeeld' && !phase.shown);
  if (!ready)
    return reject('wrong-phase', `Er is nu geen nieuw voorbeeld aan de beurt (scherm: "${phase.kind}").`);
  const index = phase.itemIndex;
  const expected = context.ordered[index]!.id;
  if (event.itemId !== expected) {
    return reject(
      'not-current-item',
      `Item ${event.itemId} is nu niet aan de beurt (verwacht: ${expected}).`,
    );
  }
  const shown = withItem(next, index, (record) => ({
    ...record,
    voorbeeldShownAt: record.voorbeeldShownAt ?? event.at,
  }));
  return accept({
    ...shown,
    phase: { kind: 'voorbeeld', itemIndex: index, itemId: expected, shown: true, demonstrated: false },
  });
}

export function applyVoorbeeldReplayed(
  next: SessionState,
  event: EventOf<'voorbeeld.replayed'>,
): ApplyResult {
  const refused = requireCurrent(next, event, ['voorbeeld', 'opgave']);
  if (refused) return refused;
  const phase = next.phase as Extract<Phase, { kind: 'voorbeeld' | 'opgave' }>;
  if (phase.kind === 'voorbeeld' && !phase.shown)
    return reject('not-shown', 'Het voorbeeld is nog niet getoond.');
  const replayed = withItem(next, phase.itemIndex, (record) => ({ ...record, replays: record.replays + 1 }));
  return accept(withCounts(replayed, { replays: 1 }));
}

/** A long quiet spell on the opgave on screen: an incident, counted by the validity flags. */
export function applyCandidateIdle(next: SessionState, event: EventOf<'candidate.idle'>): ApplyResult {
  const refused = requireCurrent(next, event, ['opgave']);
  if (refused) return refused;
  return accept({
    ...next,
    incidents: [
      ...next.incidents,
      { kind: 'idle', itemId: event.itemId, at: event.at, idleMs: event.idleMs },
    ],
  });
}

export function applyVoorbeeldDemonstrated(
  next: SessionState,
  event: EventOf<'voorbeeld.demonstrated'>,
): ApplyResult {
  const refused = requireCurrent(next, event, ['voorbeeld', 'opgave']);
  if (refused) return refused;
  const phase = next.phase as Extract<Phase, { kind: 'voorbeeld' | 'opgave' }>;
  if (phase.kind === 'voorbeeld' && !phase.shown)
    return reject('not-shown', 'Het voorbeeld is nog niet getoond.');
  const counted = withItem(next, phase.itemIndex, (record) => ({
    ...record,
    demonstrations: record.demonstrations + 1,
  }));
  return accept(
    phase.kind === 'voorbeeld' ? { ...counted, phase: { ...phase, demonstrated: true } } : counted,
  );
}

export function applyOpgaveShown(next: SessionState, event: EventOf<'opgave.shown'>): ApplyResult {
  if (next.phase.kind === 'opgave' && next.phase.itemId === event.itemId) {
    return reject('already-shown', `De opgave van ${event.itemId} wordt al getoond.`);
  }
  const refused = requireCurrent(next, event, ['voorbeeld']);
  if (refused) return refused;
  const phase = next.phase as Extract<Phase, { kind: 'voorbeeld' }>;
  if (!phase.shown || !phase.demonstrated) {
    return reject(
      'not-demonstrated',
      `Het voorbeeld van ${event.itemId} is nog niet helemaal voorgedaan; de opgave kan nog niet open.`,
    );
  }
  const shown = withItem(next, phase.itemIndex, (record) => ({
    ...record,
    opgaveShownAt: record.opgaveShownAt ?? event.at,
  }));
  return accept(
    enter(
      { ...shown, phase: { kind: 'opgave', itemIndex: phase.itemIndex, itemId: phase.itemId } },
      phase.itemIndex,
    ),
  );
}

function checkAnswer(
  next: SessionState,
  event: EventOf<'answer.changed' | 'answer.committed'>,
  context: PreparedContext,
): ApplyResult | number {
  const refused = requireCurrent(next, event, ['opgave']);
  if (refused) return refused;
  const index = (next.phase as Extract<Phase, { kind: 'opgave' }>).itemIndex;
  const misfit = checkResponseFits(event.response, context.ordered[index]!.opgave);
  if (misfit)
    return reject('response-mismatch', `Dit antwoord past niet bij opgave ${event.itemId}: ${misfit}.`);
  return index;
}

export function applyAnswerChanged(
  next: SessionState,
  event: EventOf<'answer.changed'>,
  context: PreparedContext,
): ApplyResult {
  const index = checkAnswer(next, event, context);
  if (typeof index !== 'number') return index;
  const changed = withItem(next, index, (record) => ({
    ...record,
    current: event.response,
    changes: record.changes + 1,
    inputTypes: addInputType(record.inputTypes, event.inputType),
  }));
  return accept(withCounts(changed, { changes: 1 }));
}

export function applyAnswerCommitted(
  next: SessionState,
  event: EventOf<'answer.committed'>,
  context: PreparedContext,
): ApplyResult {
  const index = checkAnswer(next, event, context);
  if (typeof index !== 'number') return index;
  if (!isComplete(event.response)) {
    return reject(
      'incomplete-answer',
      `Het antwoord op ${event.itemId} is nog niet compleet: er is nog een leeg vak.`,
    );
  }
  const first = next.items[index]!.committed === null;
  const committed = withItem(leave(next, index), index, (record) => ({
    ...record,
    current: event.response,
    committed: event.response,
    committedAt: event.at,
    commits: record.commits + 1,
    inputTypes: addInputType(record.inputTypes, event.inputType),
  }));
  const counted = withCounts(committed, { committed: first ? 1 : 0 });
  const phase = phaseAt(counted, context, index + 1);
  return accept(
    phase.kind === 'opgave' ? enter({ ...counted, phase }, phase.itemIndex) : { ...counted, phase },
  );
}

export function applyNavigatedBack(next: SessionState, context: PreparedContext): ApplyResult {
  if (!context.definition.allowBack) {
    return reject('back-not-allowed', 'Terug naar een vorige opgave is in deze toets niet toegestaan.');
  }
  const phase = next.phase;
  if (phase.kind === 'not-opened' || phase.kind === 'practice') {
    return reject('wrong-phase', 'Terug kan alleen tijdens de opgaven.');
  }
  const index = phase.kind === 'end' ? context.ordered.length : phase.itemIndex;
  if (index === 0) return reject('nothing-before', 'Dit is de eerste opgave; er is geen vorige.');
  const left = phase.kind === 'opgave' ? leave(next, index) : next;
  const target = index - 1;
  return accept(
    enter(
      { ...left, phase: { kind: 'opgave', itemIndex: target, itemId: context.ordered[target]!.id } },
      target,
    ),
  );
}
