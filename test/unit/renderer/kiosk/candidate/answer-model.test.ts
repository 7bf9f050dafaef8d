import { describe, expect, it } from 'vitest';
import type { InteractionSpec } from '../../../../../src/shared/items';
import {
  emptyResponse,
  placeTile,
  placeTileInFirstEmpty,
  removeTile,
  snapTarget,
} from '../../../../../renderer/kiosk/candidate/answer-model';
import { demoSteps } from '../../../../../renderer/kiosk/candidate/hand-demo';
import { isComplete } from '../../../../../src/shared/session/response-fit';

const v = (id: string) => ({ id, image: `assets/${id}.svg`, description: id });
const order: InteractionSpec & { kind: 'order' } = {
  kind: 'order',
  tiles: [v('a'), v('b'), v('c')],
  slots: 2,
};

describe('order answers', () => {
  it('start empty and are complete only when every slot is filled', () => {
    const empty = emptyResponse(order);
    expect(empty).toEqual({ kind: 'order', sequence: [null, null] });
    expect(isComplete(empty)).toBe(false);
    const one = placeTile(order, empty, 'a', 0);
    expect(isComplete(one)).toBe(false);
    expect(isComplete(placeTile(order, one, 'b', 1))).toBe(true);
  });

  it('move a tile between slots, swapping with the tile that was there', () => {
    const ab = placeTile(order, placeTile(order, null, 'a', 0), 'b', 1);
    expect(placeTile(order, ab, 'a', 1)).toEqual({ kind: 'order', sequence: ['b', 'a'] });
  });

  it('send a displaced tile back to the tray when the new tile came from the tray', () => {
    const ab = placeTile(order, placeTile(order, null, 'a', 0), 'b', 1);
    expect(placeTile(order, ab, 'c', 0)).toEqual({ kind: 'order', sequence: ['c', 'b'] });
  });

  it('take a tile back, and fill the first empty slot on a tap', () => {
    const ab = placeTile(order, placeTile(order, null, 'a', 0), 'b', 1);
    const back = removeTile(order, ab, 'a');
    expect(back).toEqual({ kind: 'order', sequence: [null, 'b'] });
    expect(placeTileInFirstEmpty(order, back, 'c')).toEqual({ kind: 'order', sequence: ['c', 'b'] });
    // No empty slot: a tap changes nothing.
    expect(placeTileInFirstEmpty(order, ab, 'c')).toEqual(ab);
  });

  it('ignore a slot index outside the row', () => {
    expect(placeTile(order, null, 'a', 5)).toEqual({ kind: 'order', sequence: [null, null] });
  });
});

describe('snapping', () => {
  const rects = [
    { left: 0, top: 0, width: 100, height: 100 },
    { left: 200, top: 0, width: 100, height: 100 },
  ];
  it('picks the nearest target within reach', () => {
    expect(snapTarget({ x: 50, y: 50 }, rects)).toBe(0);
    expect(snapTarget({ x: 160, y: 40 }, rects)).toBe(1);
    expect(snapTarget({ x: 120, y: 130 }, rects)).toBe(0);
  });
  it('returns null far from every target', () => {
    expect(snapTarget({ x: 700, y: 50 }, rects)).toBeNull();
    expect(snapTarget({ x: 50, y: 400 }, rects)).toBeNull();
  });
});

describe('the demonstrating hand', () => {
  it('moves each tile of an order answer from the tray to its slot, building the answer', () => {
    const steps = demoSteps(order, { kind: 'order', sequence: ['b', 'a'] });
    expect(steps.map((s) => s.to)).toEqual(['tile-b', 'slot-0', 'tile-a', 'slot-1']);
    expect(steps.at(-1)?.after).toEqual({ kind: 'order', sequence: ['b', 'a'] });
    expect(steps[1]?.after).toEqual({ kind: 'order', sequence: ['b', null] });
  });
  it('taps a choice and carries a token to its target', () => {
    expect(
      demoSteps({ kind: 'choose', options: [v('x'), v('y')] }, { kind: 'choose', optionId: 'y' }),
    ).toEqual([{ to: 'option-y', press: true, after: { kind: 'choose', optionId: 'y' } }]);
    const place = demoSteps(
      { kind: 'place', token: v('t'), targets: [v('p'), v('q')] },
      { kind: 'place', targetId: 'q' },
    );
    expect(place.map((s) => s.to)).toEqual(['token', 'target-q']);
    expect(place.filter((s) => s.sound)).toEqual([]);
  });
  it('says each touched picture that has a sound: the sound target it drops on, the word tiles it places', () => {
    const heard = (visual: ReturnType<typeof v>) => ({ ...visual, audio: `audio/${visual.id}.ogg` });
    const place = demoSteps(
      { kind: 'place', token: v('t'), targets: [heard(v('p')), heard(v('q'))] },
      { kind: 'place', targetId: 'q' },
    );
    expect(place.map((s) => [s.to, s.sound?.id])).toEqual([
      ['token', undefined],
      ['target-q', 'q'],
    ]);
    const speakingToken = demoSteps(
      { kind: 'place', token: heard(v('t')), targets: [v('p'), v('q')] },
      { kind: 'place', targetId: 'p' },
    );
    expect(speakingToken.map((s) => s.sound?.id)).toEqual(['t', undefined]);
    const words = demoSteps(
      { kind: 'order', tiles: [heard(v('a')), heard(v('b')), v('c')], slots: 2 },
      { kind: 'order', sequence: ['b', 'a'] },
    );
    // Once per tile, as it lands in its slot.
    expect(words.map((s) => s.sound?.audio)).toEqual([undefined, 'audio/b.ogg', undefined, 'audio/a.ogg']);
    const option = demoSteps(
      { kind: 'choose', options: [v('x'), heard(v('y'))] },
      { kind: 'choose', optionId: 'y' },
    );
    expect(option[0]?.sound?.id).toBe('y');
  });
});
