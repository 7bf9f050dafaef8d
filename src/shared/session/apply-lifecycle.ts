import type { PreparedContext } from './context';
import { advanceClock, ms } from './clock';
import type { EventOf } from './events';
import { accept, reject, type ApplyResult } from './rejections';
import { closeOpenPause, withCounts } from './records';
import type { SessionState } from './state';

/** Handlers for opening, pausing, interruptions and the end of a sitting. */

export function applyOpened(
  state: SessionState,
  event: EventOf<'session.opened'>,
  context: PreparedContext,
): ApplyResult {
  if (state.status !== 'new') return reject('already-opened', 'De sessie is al geopend.');
  if (event.seq !== 1)
    return reject(
      'seq-out-of-order',
      `Het openen van een sessie moet gebeurtenis 1 zijn, niet ${event.seq}.`,
    );
  const { definition } = context;
  if (
    event.packageId !== context.packageId ||
    event.packageHash !== context.packageHash ||
    event.definitionId !== definition.id ||
    event.definitionVersion !== definition.version
  ) {
    return reject(
      'wrong-package',
      `Deze sessie hoort bij pakket ${event.packageId} (${event.definitionId} ${event.definitionVersion}), niet bij het geladen pakket ${context.packageId} (${definition.id} ${definition.version}).`,
    );
  }
  if (!definition.languages.includes(event.language)) {
    return reject(
      'invalid-opening',
      `De instructietaal "${event.language}" is in deze toets niet beschikbaar.`,
    );
  }
  if (event.cesuur > context.ordered.length) {
    return reject(
      'invalid-opening',
      `De cesuur ${event.cesuur} is hoger dan het aantal opgaven (${context.ordered.length}).`,
    );
  }
  const { type: _type, seq: _seq, at: _at, ...session } = event;
  return accept({
    ...state,
    status: 'active',
    session,
    lastSeq: 1,
    phase: {
      kind: 'practice',
      index: 0,
      itemId: context.practiceOrdered[0]!.id,
      shown: false,
      voorbeeld: 'none',
    },
    clock: { ...state.clock, openedAt: event.at, lastAt: event.at },
    counts: { ...state.counts, events: 1, practiceRounds: 1 },
  });
}

export function applyPaused(
  prev: SessionState,
  next: SessionState,
  event: EventOf<'session.paused'>,
): ApplyResult {
  if (prev.status === 'paused') return reject('paused', 'De sessie is al gepauzeerd.');
  if (prev.status !== 'active') return reject('ended', 'De sessie is al afgelopen; pauzeren kan niet meer.');
  return accept(
    withCounts(
      {
        ...next,
        status: 'paused',
        pause: { reason: event.reason, since: event.at },
        incidents: [...next.incidents, { kind: 'pause', reason: event.reason, from: event.at, to: null }],
      },
      { pauses: 1 },
    ),
  );
}

export function applyResumed(
  prev: SessionState,
  next: SessionState,
  event: EventOf<'session.resumed'>,
): ApplyResult {
  if (prev.status !== 'paused') return reject('not-paused', 'De sessie is niet gepauzeerd.');
  return accept({ ...closeOpenPause(next, event.at), status: 'active' });
}

export function applyInterrupted(
  prev: SessionState,
  next: SessionState,
  event: EventOf<'session.interrupted'>,
): ApplyResult {
  const last = ms(prev.clock.lastAt!);
  if (!(last <= ms(event.from) && ms(event.from) <= ms(event.to) && ms(event.to) <= ms(event.at))) {
    return reject(
      'invalid-interruption',
      'Een onderbreking moet na de vorige gebeurtenis beginnen en eindigen vóór ze wordt vastgelegd (van <= tot).',
    );
  }
  const downMs = ms(event.to) - ms(event.from);
  return accept(
    withCounts(
      {
        ...next,
        clock: advanceClock(prev.clock, prev.status, event.at, downMs),
        incidents: [...next.incidents, { kind: 'interruption', from: event.from, to: event.to }],
      },
      { interruptions: 1 },
    ),
  );
}

/** Recorded while the sitting runs or is paused; the pause it may call for is its own event. */
export function applyDisplayChanged(
  prev: SessionState,
  next: SessionState,
  event: EventOf<'display.changed'>,
): ApplyResult {
  if (prev.status !== 'active' && prev.status !== 'paused') {
    return reject('ended', 'De sessie is al afgelopen; een schermwijziging hoort er niet meer bij.');
  }
  const { source, measurement, broken } = event;
  return accept({
    ...next,
    incidents: [...next.incidents, { kind: 'display-change', at: event.at, source, measurement, broken }],
  });
}

export function applyAborted(
  prev: SessionState,
  next: SessionState,
  event: EventOf<'session.aborted'>,
): ApplyResult {
  if (prev.status !== 'active' && prev.status !== 'paused') {
    return reject('ended', 'De sessie is al afgerond of afgebroken.');
  }
  const closed = closeOpenPause(next, event.at);
  return accept({
    ...closed,
    status: 'aborted',
    ending: { kind: 'aborted', at: event.at, reason: event.reason },
    clock: { ...closed.clock, endedAt: event.at },
    incidents: [
      ...closed.incidents,
      event.note === undefined
        ? { kind: 'abort', reason: event.reason, at: event.at }
        : { kind: 'abort', reason: event.reason, at: event.at, note: event.note },
    ],
  });
}

export function applyCompleted(
  prev: SessionState,
  next: SessionState,
  event: EventOf<'session.completed'>,
): ApplyResult {
  if (prev.status === 'paused') return reject('paused', 'De sessie is gepauzeerd; hervat eerst.');
  if (prev.status !== 'active') return reject('ended', 'De sessie is al afgerond of afgebroken.');
  const open = prev.items.filter((record) => record.committed === null).length;
  if (prev.phase.kind !== 'end' || open > 0) {
    return reject(
      'items-not-committed',
      `Nog niet alle opgaven zijn beantwoord: ${open} van de ${prev.items.length} hebben geen antwoord.`,
    );
  }
  return accept({
    ...next,
    status: 'completed',
    ending: { kind: 'completed', at: event.at },
    clock: { ...next.clock, endedAt: event.at },
  });
}

/**
 * The afnemer's humane early stop. Only once practice is over and the first family's opgaven all have an answer:
 * before that the sitting says too little about learnability to keep a result (an abort is the way out).
 */
export function applyEndedEarly(
  prev: SessionState,
  next: SessionState,
  event: EventOf<'session.ended-early'>,
  context: PreparedContext,
): ApplyResult {
  if (prev.status !== 'active' && prev.status !== 'paused') {
    return reject('ended', 'De sessie is al afgerond of afgebroken.');
  }
  const firstFamily = context.familyOf(0);
  const firstFamilyOpen = prev.items.filter(
    (record, index) => context.familyOf(index) === firstFamily && record.committed === null,
  ).length;
  if (prev.phase.kind === 'practice' || firstFamilyOpen > 0) {
    return reject(
      'too-early-to-end',
      'Vroeg beëindigen kan pas na de oefeningen en de eerste reeks opgaven' +
        (prev.phase.kind === 'practice'
          ? '; de kandidaat oefent nog.'
          : `; daarvan zijn er nog ${firstFamilyOpen} open.`) +
        ' Breek de toets anders af.',
    );
  }
  const closed = closeOpenPause(next, event.at);
  return accept({
    ...closed,
    status: 'completed',
    phase: { kind: 'end' },
    ending: { kind: 'ended-early', at: event.at, reason: event.reason },
    clock: { ...closed.clock, endedAt: event.at },
  });
}

export function applyClosed(
  prev: SessionState,
  next: SessionState,
  event: EventOf<'session.closed'>,
): ApplyResult {
  if (prev.status !== 'completed' && prev.status !== 'aborted') {
    return reject('not-ended', 'De sessie loopt nog: sluit pas af nadat de toets is afgerond of afgebroken.');
  }
  return accept({
    ...next,
    status: 'closed',
    closedBy: event.afnemerId,
    clock: { ...next.clock, closedAt: event.at },
  });
}
