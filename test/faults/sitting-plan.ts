/** A random but valid sitting on the real package: what the candidate and the afnemer will do, in order. */
import type { InteractionSpec, Response } from '../../src/shared/items';
import type { SessionContext, SessionEventInput } from '../../src/shared/session';
import type { Rng } from './rng';

export function randomResponse(spec: InteractionSpec, rng: Rng): Response {
  switch (spec.kind) {
    case 'choose':
      return { kind: 'choose', optionId: rng.pick(spec.options).id };
    case 'place':
      return { kind: 'place', targetId: rng.pick(spec.targets).id };
    case 'order':
      return { kind: 'order', sequence: rng.shuffle(spec.tiles.map((t) => t.id)).slice(0, spec.slots) };
  }
}

export interface SittingPlan {
  inputs: SessionEventInput[];
  /** The answer committed per scored item: what the result must score. */
  answers: Record<string, Response>;
}

export function planSitting(content: SessionContext, rng: Rng): SittingPlan {
  const inputs: SessionEventInput[] = [];
  const items = new Map(content.items.map((i) => [i.id, i]));
  const practice = new Map(content.practice.map((p) => [p.id, p]));
  const touch = () => (rng.chance(0.05) ? 'mouse' : rng.chance(0.1) ? 'pen' : 'touch');
  for (const id of content.definition.practice) {
    const item = practice.get(id)!;
    // Watch first where the item has a voorbeeld (no random draw, so the rest of the plan stays as it was).
    if (item.voorbeeld) {
      inputs.push({ type: 'practice.voorbeeld-shown', itemId: id });
      inputs.push({ type: 'practice.voorbeeld-demonstrated', itemId: id });
    }
    inputs.push({ type: 'practice.shown', itemId: id });
    const response = rng.chance(0.7) ? item.key : randomResponse(item.opgave.interaction, rng);
    inputs.push({ type: 'practice.answered', itemId: id, response, inputType: touch() });
  }
  inputs.push({ type: 'practice.finished' });
  const answers: Record<string, Response> = {};
  let family = '';
  for (const id of content.definition.items) {
    const item = items.get(id)!;
    if (item.family !== family) {
      family = item.family;
      inputs.push({ type: 'family.instruction-shown', family: item.family });
    }
    inputs.push({ type: 'voorbeeld.shown', itemId: id });
    if (rng.chance(0.1)) inputs.push({ type: 'voorbeeld.replayed', itemId: id });
    inputs.push({ type: 'voorbeeld.demonstrated', itemId: id });
    inputs.push({ type: 'opgave.shown', itemId: id });
    let answer = item.key;
    for (let n = rng.int(1, 3); n > 0; n--) {
      // Half the candidates get each item right; the others tap around.
      answer = rng.chance(0.5) ? item.key : randomResponse(item.opgave.interaction, rng);
      inputs.push({ type: 'answer.changed', itemId: id, response: answer, inputType: touch() });
    }
    if (rng.chance(0.03)) {
      inputs.push({
        type: 'session.paused',
        reason: rng.pick(['candidate-break', 'focus-lost', 'disturbance']),
      });
      inputs.push({ type: 'session.resumed' });
    }
    inputs.push({ type: 'answer.committed', itemId: id, response: answer, inputType: touch() });
    answers[id] = answer;
  }
  inputs.push({ type: 'session.completed' });
  inputs.push({ type: 'session.closed', afnemerId: 'afnemer-fault' });
  return { inputs, answers };
}
