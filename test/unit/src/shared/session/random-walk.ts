import fc from 'fast-check';
import type { Response, Scene } from '../../../../../src/shared/items';
import {
  stampEvent,
  type SessionEvent,
  type SessionEventInput,
  type SessionReducer,
  type SessionState,
} from '../../../../../src/shared/session';
import type { EventClock } from '../../../../support/session-events-builder';

/**
 * Random sittings for the property tests. Each step is a few random numbers; the driver turns them into
 * an event for the current state: mostly a plausible next move (so walks get deep into the test),
 * sometimes noise (wrong items, bad answers, pauses, a bad seq or a time that runs backwards).
 */
export const stepArb = fc.record({
  pick: fc.nat(1_000),
  a: fc.nat(1_000),
  b: fc.nat(1_000),
  noise: fc.nat(99),
  dtMs: fc.integer({ min: 0, max: 90_000 }),
});
export type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const PAUSES = [
  'candidate-break',
  'candidate-distress',
  'disturbance',
  'technical',
  'focus-lost',
  'other',
] as const;
const ABORTS = ['candidate-unwell', 'candidate-refused', 'technical-failure', 'other'] as const;

function randomResponse(scene: Scene, a: number, b: number): Response {
  const spec = scene.interaction;
  if (spec.kind === 'choose')
    return { kind: 'choose', optionId: b % 7 === 0 ? 'zz' : spec.options[a % spec.options.length]!.id };
  if (spec.kind === 'place') return { kind: 'place', targetId: spec.targets[a % spec.targets.length]!.id };
  const tiles = spec.tiles.map((t) => t.id);
  const sequence: (string | null)[] = [];
  for (let i = 0; i < spec.slots; i++) sequence.push(tiles.splice((a + i * b) % tiles.length, 1)[0]!);
  if (b % 5 === 0) sequence[a % spec.slots] = null;
  if (b % 11 === 0) sequence.push('x');
  return { kind: 'order', sequence };
}

function plausible(state: SessionState, reducer: SessionReducer, { a, b }: Step): SessionEventInput[] {
  const { ordered, practiceOrdered } = reducer.context;
  const phase = state.phase;
  const moves: SessionEventInput[] = [];
  if (phase.kind === 'practice') {
    const item = practiceOrdered[phase.index]!;
    const next = practiceOrdered[phase.index + 1];
    // Arriving at an item opens its voorbeeld first, if it has one.
    const arrive = (p: typeof item): SessionEventInput =>
      p.voorbeeld
        ? { type: 'practice.voorbeeld-shown', itemId: p.id }
        : { type: 'practice.shown', itemId: p.id };
    if (!phase.shown && phase.voorbeeld === 'none') moves.push(arrive(item));
    else if (phase.voorbeeld === 'shown')
      moves.push({ type: 'practice.voorbeeld-demonstrated', itemId: item.id });
    else if (!phase.shown) moves.push({ type: 'practice.shown', itemId: item.id });
    else if (item.voorbeeld && b % 5 === 0)
      moves.push({ type: 'practice.voorbeeld-replayed', itemId: item.id });
    else if (!state.practice[phase.index]!.answeredThisRound || a % 3 === 0) {
      const response = a % 2 === 0 ? item.key : randomResponse(item.opgave, a, b);
      moves.push({ type: 'practice.answered', itemId: item.id, response, inputType: 'touch' });
    } else if (next) moves.push(arrive(next));
    else moves.push(b % 9 === 0 ? { type: 'practice.restarted' } : { type: 'practice.finished' });
  } else if (phase.kind === 'family-instruction') {
    moves.push(
      phase.shown
        ? { type: 'voorbeeld.shown', itemId: ordered[phase.itemIndex]!.id }
        : { type: 'family.instruction-shown', family: phase.family },
    );
  } else if (phase.kind === 'voorbeeld') {
    if (!phase.shown) moves.push({ type: 'voorbeeld.shown', itemId: phase.itemId });
    else if (!phase.demonstrated) moves.push({ type: 'voorbeeld.demonstrated', itemId: phase.itemId });
    else
      moves.push(
        b % 6 === 0
          ? { type: 'voorbeeld.replayed', itemId: phase.itemId }
          : { type: 'opgave.shown', itemId: phase.itemId },
      );
  } else if (phase.kind === 'opgave') {
    const item = ordered[phase.itemIndex]!;
    const response = a % 3 === 0 ? item.key : randomResponse(item.opgave, a, b);
    const inputType = (['touch', 'touch', 'pen', 'mouse'] as const)[b % 4]!;
    moves.push({
      type: b % 3 === 0 ? 'answer.changed' : 'answer.committed',
      itemId: item.id,
      response,
      inputType,
    });
  } else if (phase.kind === 'end') {
    moves.push(
      state.status === 'completed' || state.status === 'aborted'
        ? { type: 'session.closed', afnemerId: 'afnemer-7' }
        : { type: 'session.completed' },
    );
  }
  if (state.status === 'paused') moves.push({ type: 'session.resumed' });
  return moves;
}

function noise(state: SessionState, reducer: SessionReducer, { a, b }: Step): SessionEventInput {
  const { ordered, practiceOrdered } = reducer.context;
  const item = ordered[a % ordered.length]!;
  const practice = practiceOrdered[b % practiceOrdered.length]!;
  const options: SessionEventInput[] = [
    { type: 'session.paused', reason: PAUSES[a % PAUSES.length]! },
    { type: 'session.resumed' },
    b % 4 === 0
      ? { type: 'session.aborted', reason: ABORTS[b % ABORTS.length]! }
      : { type: 'session.resumed' },
    { type: 'session.completed' },
    { type: 'session.closed', afnemerId: 'afnemer-9' },
    { type: 'navigation.back' },
    { type: 'practice.restarted' },
    { type: 'practice.finished' },
    { type: 'practice.shown', itemId: practice.id },
    { type: 'practice.voorbeeld-shown', itemId: practice.id },
    { type: 'practice.voorbeeld-demonstrated', itemId: practice.id },
    { type: 'practice.voorbeeld-replayed', itemId: practice.id },
    {
      type: 'practice.answered',
      itemId: practice.id,
      response: randomResponse(practice.opgave, a, b),
      inputType: 'mouse',
    },
    { type: 'family.instruction-shown', family: item.family },
    { type: 'voorbeeld.shown', itemId: item.id },
    { type: 'voorbeeld.demonstrated', itemId: item.id },
    { type: 'voorbeeld.replayed', itemId: item.id },
    { type: 'opgave.shown', itemId: item.id },
    {
      type: 'answer.changed',
      itemId: item.id,
      response: randomResponse(item.opgave, a, b),
      inputType: 'touch',
    },
    {
      type: 'answer.committed',
      itemId: item.id,
      response: randomResponse(item.opgave, b, a),
      inputType: 'pen',
    },
    { type: 'audio.played', source: { kind: 'instruction', key: 'voorbeeld' } },
    {
      type: 'audio.played',
      source: {
        kind: 'prompt',
        scene: (['practice', 'voorbeeld', 'opgave'] as const)[a % 3]!,
        itemId: a % 2 ? item.id : practice.id,
      },
    },
    { type: 'audio.played', source: { kind: 'visual', itemId: item.id, visualId: 'ctx' } },
  ];
  return options[(a * 31 + b) % options.length]!;
}

/** Turns one random step into a stamped event for `state` (usually valid in form, not always in sequence). */
export function eventFor(
  state: SessionState,
  reducer: SessionReducer,
  clock: EventClock,
  step: Step,
): SessionEvent {
  if (state.status === 'new' && step.noise > 5) return clock.opened();
  const last = Date.parse(state.clock.lastAt ?? '2026-03-02T09:00:00.000Z');
  const seq = Math.max(1, state.lastSeq + 1 + (step.noise === 1 ? 1 : step.noise === 2 ? -1 : 0));
  const at = new Date(last + (step.noise === 3 ? -1000 : step.dtMs)).toISOString();
  if (step.noise === 4 && state.status !== 'new') {
    const from = new Date(last + step.a).toISOString();
    const to = new Date(last + step.a + step.b * 10).toISOString();
    return {
      type: 'session.interrupted',
      seq,
      at: step.dtMs % 10 === 0 ? from : new Date(Date.parse(to) + step.dtMs).toISOString(),
      from,
      to,
    };
  }
  const moves = plausible(state, reducer, step);
  const input =
    step.noise < 80 && moves.length > 0 ? moves[step.pick % moves.length]! : noise(state, reducer, step);
  return stampEvent(input, { seq, at }, reducer.context);
}
