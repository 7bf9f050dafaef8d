import { describe, expect, it } from 'vitest';
import { DifComparison, difComparison, type DifGroup } from '../../../../../src/shared/psychometrics';
import { SimulationRng, simulateResponses } from '../../../../psychometrics/simulate';

describe('difComparison', () => {
  const rng = new SimulationRng(3);
  const difficulties = Array.from({ length: 12 }, (_, i) => -1.5 + (3 * i) / 11);
  const groups: DifGroup[] = Array.from({ length: 800 }, (_, v) => (v < 400 ? 'reference' : 'focal'));
  const thetas = groups.map(() => rng.normal());
  const itemIds = difficulties.map((_, i) => `item-${i + 1}`);
  // Items 6 and 7 one logit harder for the focal group (say: mouse instead of touch).
  const responses = simulateResponses(rng, thetas, difficulties, (v, i) =>
    groups[v] === 'focal' && (i === 5 || i === 6) ? 1 : 0,
  );

  it('flags the DIF items and measures what the condition costs at equal ability', () => {
    const comparison = difComparison({
      responses,
      groups,
      itemIds,
      condition: 'inputType',
      reference: 'touch',
      focal: 'mouse',
    });
    expect(DifComparison.parse(comparison)).toEqual(comparison);
    expect(comparison.referenceCount).toBe(400);
    expect(comparison.focalCount).toBe(400);
    const flagged = comparison.items.filter((item) => item.class !== 'A').map((item) => item.itemId);
    expect(flagged).toEqual(['item-6', 'item-7']);
    expect(comparison.items[5]!.deltaMh).toBeLessThan(-1);
    // About 2 x 0.23 points lost on the two items; the interval excludes 0.
    expect(comparison.effect).not.toBeNull();
    expect(comparison.effect!.anchorItems).toBe(10);
    expect(comparison.effect!.difference).toBeLessThan(-0.2);
    expect(comparison.effect!.high).toBeLessThan(0);
    expect(comparison.effectNote).toBeNull();
  });

  it('gives no class and no effect below the minimum group size, saying so', () => {
    const comparison = difComparison({
      responses,
      groups,
      itemIds,
      condition: 'interpreter',
      reference: 'zonder tolk',
      focal: 'met tolk',
      minimumGroup: 500,
    });
    expect(
      comparison.items.every((item) => item.class === 'te weinig gegevens' && item.deltaMh === null),
    ).toBe(true);
    expect(comparison.effect).toBeNull();
    expect(comparison.effectNote).toBe('te weinig gegevens');
  });

  it('says there is no difference to measure when no item has DIF', () => {
    const clean = simulateResponses(rng, thetas, difficulties);
    const comparison = difComparison({
      responses: clean,
      groups,
      itemIds,
      condition: 'language',
      reference: 'nl',
      focal: 'ar',
    });
    expect(comparison.items.every((item) => item.class === 'A')).toBe(true);
    expect(comparison.effectNote).toBe('geen item met DIF: er is geen verschil bij gelijke vaardigheid');
  });
});
