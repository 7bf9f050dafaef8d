import { describe, expect, it } from 'vitest';
import { opensFamily, withCue } from '../../../../../renderer/kiosk/candidate/SceneView';

const scene = [
  {
    path: 'audio/x.ogg',
    context: 0,
    source: { kind: 'visual' as const, itemId: 'wl-1', visualId: 'a' },
  },
];

describe('the spoken cue before a scene', () => {
  it('comes first, as an instruction sound, where it has audio', () => {
    expect(withCue(scene, { key: 'voorbeeld', audio: 'instructions/nl/voorbeeld.ogg' })).toEqual([
      {
        path: 'instructions/nl/voorbeeld.ogg',
        context: -1,
        source: { kind: 'instruction', key: 'voorbeeld' },
      },
      ...scene,
    ]);
  });

  it('is left out where there is none, or the language has no audio', () => {
    expect(withCue(scene, null)).toEqual(scene);
    expect(withCue(scene, { key: 'opgave', audio: null })).toEqual(scene);
  });

  it('is spoken where a family begins, not on its later items', () => {
    const items = [{ family: 'a' }, { family: 'a' }, { family: 'b' }, { family: 'b' }];
    expect(items.map((_, i) => opensFamily(items, i))).toEqual([true, false, true, false]);
  });
});
