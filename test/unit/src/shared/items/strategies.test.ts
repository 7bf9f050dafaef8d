import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../../src/shared/items/item';
import {
  itemStrategyScores,
  orderChance,
  orderCount,
  strategyScores,
} from '../../../../../src/shared/items/strategies';
import { StrategyReport } from '../../../../../src/shared/items/strategy-report';
import {
  badges,
  bankItem,
  choose,
  chosen,
  miniBank,
  order,
  ordered,
  pic,
  pics,
  place,
  placed,
  type ItemParts,
} from '../../../items/mini-bank';

const scores = (parts: Omit<ItemParts, 'id'>) => itemStrategyScores(bankItem({ id: 'x', ...parts })).scores;

/** A regels-zien style choose item: the voorbeeld answers `shown` of a, b, c; the opgave offers `options`. */
function chooseItem(shown: string, options: ReturnType<typeof pic>[], key: string, context = pics('p', 'q')) {
  return scores({
    voorbeeld: { context: pics('k', 'l'), interaction: choose(pics('a', 'b', 'c')), answer: chosen(shown) },
    opgave: { context, interaction: choose(options) },
    key: chosen(key),
  });
}

describe('strategy scores of a choose opgave', () => {
  it('random guessing: 1 over the number of options', () => {
    expect(chooseItem('a', pics('o1', 'o2', 'o3', 'o4'), 'o3').random).toBe(1 / 4);
  });

  it("copying the hand's position: right when the key sits where the hand tapped, guessing past the end", () => {
    expect(chooseItem('b', pics('o1', 'o2', 'o3'), 'o2')['copy-position']).toBe(1);
    expect(chooseItem('b', pics('o1', 'o2', 'o3'), 'o3')['copy-position']).toBe(0);
    // The hand tapped the third of three; this opgave has two options, so the copier guesses.
    expect(chooseItem('c', pics('o1', 'o2'), 'o2')['copy-position']).toBe(1 / 2);
  });

  it("copying the hand's picture: the option showing it, else a guess; two such options halve it", () => {
    const withB = (key: string) => chooseItem('b', [pic('o1'), pic('o2', 'b'), pic('o3')], key);
    expect(withB('o2')['copy-picture']).toBe(1);
    expect(withB('o3')['copy-picture']).toBe(0);
    expect(chooseItem('b', pics('o1', 'o2', 'o3'), 'o1')['copy-picture']).toBe(1 / 3);
    const twice = chooseItem('b', [pic('o1', 'b'), pic('o2', 'b'), pic('o3')], 'o1');
    expect(twice['copy-picture']).toBe(1 / 2);
  });

  it('always the first option', () => {
    expect(chooseItem('a', pics('o1', 'o2', 'o3'), 'o1').first).toBe(1);
    expect(chooseItem('a', pics('o1', 'o2', 'o3'), 'o2').first).toBe(0);
  });

  it('the picture also in the context: uniform over such options, a guess when there are none', () => {
    const options = [pic('o1', 'p'), pic('o2'), pic('o3', 'q'), pic('o4')];
    expect(chooseItem('a', options, 'o3')['context-picture']).toBe(1 / 2);
    expect(chooseItem('a', options, 'o2')['context-picture']).toBe(0);
    expect(chooseItem('a', pics('o1', 'o2', 'o3', 'o4'), 'o2')['context-picture']).toBe(1 / 4);
  });

  it('the figure unchanged: the option equal to the LAST context picture (A, A′, B: pick B)', () => {
    const options = [pic('o1', 'p'), pic('o2', 'q'), pic('o3')];
    expect(chooseItem('a', options, 'o2')['unchanged-figure']).toBe(1);
    expect(chooseItem('a', options, 'o1')['unchanged-figure']).toBe(0);
    expect(chooseItem('a', options, 'o1', [])['unchanged-figure']).toBe(1 / 3);
  });
});

describe('strategy scores of a place opgave', () => {
  /** Woordvormen style: sound buttons share badge pictures by position; the hand dropped on `shown`. */
  const placeItem = (shown: string, key: string, token = pic('twee-vis'), context = [pic('een-vis')]) =>
    scores({
      voorbeeld: { interaction: place(pic('twee-bal'), badges('k').slice(0, 4)), answer: placed(shown) },
      opgave: { context, interaction: place(token, badges('m').slice(0, 4)) },
      key: placed(key),
    });

  it('random, position, picture and first', () => {
    const right = placeItem('k-2', 'm-2');
    expect(right.random).toBe(1 / 4);
    // Badges repeat by position, so copying the hand's picture is copying its position.
    expect(right['copy-position']).toBe(1);
    expect(right['copy-picture']).toBe(1);
    expect(right.first).toBe(0);
    const elsewhere = placeItem('k-2', 'm-0');
    expect(elsewhere['copy-position']).toBe(0);
    expect(elsewhere['copy-picture']).toBe(0);
    expect(elsewhere.first).toBe(1);
  });

  it('the context picture and the unchanged figure (the token) among the targets, else a guess', () => {
    expect(placeItem('k-0', 'm-3')['context-picture']).toBe(1 / 4);
    expect(placeItem('k-0', 'm-3', pic('tok'), [pic('c', 'badge-ruit')])['context-picture']).toBe(1);
    expect(placeItem('k-0', 'm-3')['unchanged-figure']).toBe(1 / 4);
    expect(placeItem('k-0', 'm-3', pic('tok', 'badge-ruit'))['unchanged-figure']).toBe(1);
    expect(placeItem('k-0', 'm-2', pic('tok', 'badge-ruit'))['unchanged-figure']).toBe(0);
  });
});

describe('strategy scores of an order opgave', () => {
  it('random guessing: 1 over tiles!/(tiles-slots)!', () => {
    expect(orderCount(4, 2)).toBe(12);
    expect(orderCount(3, 3)).toBe(6);
    const s = scores({
      voorbeeld: { interaction: order(pics('t1', 't2')), answer: ordered('t1', 't2') },
      opgave: { interaction: order(pics('u1', 'u2', 'u3', 'u4'), 2) },
      key: ordered('u4', 'u2'),
    });
    expect(s.random).toBe(1 / 12);
    expect(s['context-picture']).toBe(1 / 12);
    expect(s['unchanged-figure']).toBe(1 / 12);
  });

  it("copying the hand's tile positions, guessing slots whose tile index the opgave lacks", () => {
    const item = (key: string[]) =>
      scores({
        voorbeeld: { interaction: order(pics('t1', 't2', 't3')), answer: ordered('t2', 't3', 't1') },
        opgave: { interaction: order(pics('u1', 'u2', 'u3')) },
        key: ordered(...key),
      });
    expect(item(['u2', 'u3', 'u1'])['copy-position']).toBe(1);
    expect(item(['u3', 'u2', 'u1'])['copy-position']).toBe(0);
    // The hand's first tile was the fourth; the opgave has three: slot 1 is guessed from what is left.
    const short = scores({
      voorbeeld: { interaction: order(pics('t1', 't2', 't3', 't4'), 2), answer: ordered('t4', 't1') },
      opgave: { interaction: order(pics('u1', 'u2', 'u3'), 2) },
      key: ordered('u2', 'u1'),
    });
    expect(short['copy-position']).toBe(1 / 2);
  });

  it("copying the hand's pictures: each reappearing tile where the hand put it, the rest guessed", () => {
    // The hand placed z, x, y; the opgave has y and x again (as q1 and q3) but not z.
    const item = (key: string[]) =>
      scores({
        voorbeeld: { interaction: order(pics('x', 'y', 'z')), answer: ordered('z', 'x', 'y') },
        opgave: { interaction: order([pic('q1', 'y'), pic('w'), pic('q3', 'x'), pic('v')], 3) },
        key: ordered(...key),
      });
    expect(item(['w', 'q3', 'q1'])['copy-picture']).toBe(1 / 2);
    expect(item(['w', 'q1', 'q3'])['copy-picture']).toBe(0);
  });

  it('the tiles in their displayed order', () => {
    const item = (key: string[]) =>
      scores({
        voorbeeld: { interaction: order(pics('t1', 't2')), answer: ordered('t2', 't1') },
        opgave: { interaction: order(pics('u1', 'u2', 'u3'), 2) },
        key: ordered(...key),
      });
    expect(item(['u1', 'u2']).first).toBe(1);
    expect(item(['u1', 'u3']).first).toBe(0);
  });

  it('orderChance: a wrong fixed tile is 0, an unanswerable key is 0', () => {
    expect(orderChance(['a', 'b', 'c'], ['a', null], ['a', 'b'])).toBe(1 / 2);
    expect(orderChance(['a', 'b', 'c'], ['b', null], ['a', 'b'])).toBe(0);
    expect(orderChance(['a', 'b', 'c'], [null, null], ['a', 'a'])).toBe(0);
  });
});

describe('strategyScores over a bank', () => {
  it('totals are the sums of the items, and the report matches its schema', () => {
    const bank: Item[] = miniBank();
    const report = strategyScores(bank);
    expect(StrategyReport.parse(report)).toEqual(report);
    expect(report.itemCount).toBe(4);
    expect(report.totals.random).toBeCloseTo(1 / 6 + 1 / 24 + 1 / 5 + 1 / 6, 12);
    for (const name of ['copy-position', 'first'] as const) expect(report.totals[name]).toBe(0);
    expect(report.items.map((item) => item.keyPosition)).toEqual([3, null, 4, 2]);
  });

  it('key positions: counts per position against the sum of 1/options, order opgaven left out', () => {
    const { keyPositions } = strategyScores(miniBank());
    expect(keyPositions.counts).toEqual([0, 0, 1, 1, 1, 0]);
    // Two choose opgaven of 6 options and a place opgave of 5 targets.
    const five = 2 / 6 + 1 / 5;
    for (const [position, expected] of [five, five, five, five, five, 2 / 6].entries())
      expect(keyPositions.expected[position]).toBeCloseTo(expected, 12);
  });
});
