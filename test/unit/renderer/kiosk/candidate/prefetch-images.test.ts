import { describe, expect, it } from 'vitest';
import { scenePictures } from '../../../../../renderer/kiosk/candidate/prefetch-images';
import { items } from '../../fixtures';

const ids = (scene: Parameters<typeof scenePictures>[0]) => scenePictures(scene).map((visual) => visual.id);

describe('the pictures fetched ahead of a screen', () => {
  it('are every picture the scene draws: context first, then options, tiles or token and targets', () => {
    const [choose, , order, place] = items;
    expect(ids(choose!.voorbeeld)).toEqual(['bal', 'bal', 'vis']);
    expect(ids(choose!.opgave)).toEqual(['bal', 'vis', 'boom']);
    expect(ids(order!.opgave)).toEqual(['huis', 'a', 'b', 'c']);
    expect(ids(place!.opgave)).toEqual(['ster', 'p1', 'p2', 'p3']);
  });
});
