import { describe, expect, it } from 'vitest';
import { checkBankRules, maxKeysAt, strategyBounds } from '../../../../../src/shared/items/bank-rules';
import type { Item, PracticeItem } from '../../../../../src/shared/items/item';
import type { PackageFiles } from '../../../../../src/shared/items/package-rules';
import {
  bankItem,
  choose,
  chosen,
  miniBank,
  miniBankWith,
  ordered,
  order,
  pic,
  pics,
  place,
} from '../../../items/mini-bank';
import { miniDefinition, miniInstructions, miniItems, miniPractice } from '../../../items/mini-package';

function files(items: Item[], practice: PracticeItem[] = miniPractice): PackageFiles {
  return {
    definition: {
      file: 'test-definition.json',
      value: { ...miniDefinition, items: items.map((item) => item.id) },
    },
    items: items.map((value) => ({ file: `bank/${value.family}/${value.id}.json`, value })),
    practice: practice.map((value) => ({ file: `practice/${value.id}.json`, value })),
    instructions: [{ file: 'instructions/nl.json', value: miniInstructions }],
    manifestFiles: new Set(),
  };
}

const messages = (items: Item[], practice?: PracticeItem[]) =>
  checkBankRules(files(items, practice)).map((p) => `${p.file}: ${p.path}: ${p.message}`);

describe('bank rules', () => {
  it('find nothing wrong with the mini lbt.item/2 bank', () => {
    expect(checkBankRules(files(miniBank()))).toEqual([]);
  });

  it('leave a legacy all-lbt.item/1 bank alone (two options, no proof), and refuse a mix', () => {
    expect(checkBankRules(files(miniItems))).toEqual([]);
    expect(messages([...miniBank(), miniItems[0]!])).toContainEqual(
      'bank/woorden-leren/wl-01.json: $.schema: item "wl-01" is lbt.item/1 in a package of lbt.item/2 items; a package is all one or the other',
    );
  });

  it('an lbt.item/2 item needs a proof with at least one rule', () => {
    expect(messages(miniBankWith('rz-11', (item) => delete item.proof))).toContainEqual(
      expect.stringMatching(
        /^bank\/regels-zien\/rz-11\.json: \$\.proof: item "rz-11": lbt\.item\/2 requires a proof/,
      ),
    );
    expect(messages(miniBankWith('rz-11', (item) => (item.proof!.consistent = [])))).toContainEqual(
      expect.stringMatching(
        /rz-11\.json: \$\.proof\.consistent: item "rz-11": no rule reproduces the voorbeeld/,
      ),
    );
  });

  it('every consistent rule that answers must give the key, and one must', () => {
    const ambiguous = miniBankWith('zb-11', (item) =>
      item.proof!.consistent.push(
        { rule: 'nothing to say', answer: null },
        { rule: 'aantal voor ding', answer: ordered('u1', 'u3', 'u4') },
      ),
    );
    expect(messages(ambiguous)).toEqual([
      'bank/zinnen-bouwen/zb-11.json: $.proof.consistent[2].answer: item "zb-11": rule "aantal voor ding" also fits the voorbeeld but answers [u1, u3, u4], not the key [u3, u1, u4]: the opgave is ambiguous',
    ]);
    const keyless = miniBankWith(
      'wl-11',
      (item) => (item.proof!.consistent = [{ rule: 'zwijgt', answer: null }]),
    );
    expect(messages(keyless)).toEqual([
      'bank/woorden-leren/wl-11.json: $.proof.consistent: item "wl-11": no consistent rule gives the key',
    ]);
  });

  it('at least 3 options or targets, at least 6 orders', () => {
    const two = miniBankWith('rz-11', (item) => {
      item.opgave.interaction = choose([pic('e-groot'), pic('f')]);
      item.key = chosen('e-groot');
      item.proof!.consistent[0]!.answer = item.key;
    });
    expect(messages(two)).toContainEqual(
      'bank/regels-zien/rz-11.json: $.opgave.interaction.options: item "rz-11": 2 options; an opgave needs at least 3',
    );
    const twoTargets = miniBankWith('wv-11', (item) => {
      item.opgave.interaction = place(pic('tok'), pics('m-3', 'm-4'));
    });
    expect(messages(twoTargets)).toContainEqual(
      expect.stringMatching(/wv-11\.json: \$\.opgave\.interaction\.targets: item "wv-11": 2 targets/),
    );
    const threeOrders = miniBankWith('zb-11', (item) => {
      item.opgave.interaction = order(pics('u1', 'u3', 'u4'), 1);
      item.key = ordered('u3');
      item.proof!.consistent[0]!.answer = item.key;
    });
    expect(messages(threeOrders)).toContainEqual(
      'bank/zinnen-bouwen/zb-11.json: $.opgave.interaction: item "zb-11": 3 tiles in 1 slots allow 3 orders; an opgave needs at least 6',
    );
  });

  it('the bounds scale with the bank: 8 and 1 of 40 items, 0.8 and 0.1 of 4', () => {
    expect(strategyBounds(40)).toEqual({ random: 8, margin: 1 });
    expect(strategyBounds(4).random).toBeCloseTo(0.8, 12);
    expect(strategyBounds(4).margin).toBeCloseTo(0.1, 12);
    expect(maxKeysAt(1)).toBe(3);
    expect(maxKeysAt(10)).toBe(14);
  });

  it("a strategy beating guessing by more than the margin names each item it solves: copying the hand's position", () => {
    const copyable = miniBankWith('rz-11', (item) => {
      item.voorbeeld.interaction = choose([pic('b-klein', 'b'), pic('c'), pic('b-groot')]);
    });
    expect(messages(copyable)).toEqual([
      `bank/regels-zien/rz-11.json: $.key: item "rz-11": "copy the hand's position" answers it right with chance 1 (guessing: 0.17); over the bank it scores 1, more than guessing (0.57) + 0.1 allows`,
    ]);
  });

  it('guessing may score at most 8 per 40 items, naming the items guessed right most often', () => {
    const easy = miniBank();
    easy[0]!.opgave.interaction = choose(pics('ster', 'kop', 'zon'));
    easy[3]!.opgave.interaction = choose([pic('f'), pic('e-klein', 'e'), pic('e-groot')]);
    // 1/3 + 1/24 + 1/5 + 1/3 = 0.91 > 0.8; the other strategies stay within guessing + 0.1.
    expect(messages(easy)).toEqual([
      'test-definition.json: $.items: random guessing scores 0.91 of 4 items, more than 0.8 (8 per 40); items guessed right most often: wl-11 (0.33), rz-11 (0.33)',
    ]);
  });

  it('keys counterbalanced: no position holds more than expected + max(2, 40%)', () => {
    // Ten six-option opgaven with the key always second: expected 10/6 there, at most 3.67 allowed.
    const lopsided = Array.from({ length: 10 }, (_, i) =>
      bankItem({
        id: `rz-${20 + i}`,
        voorbeeld: { interaction: choose(pics('a', 'b', 'c')), answer: chosen('a') },
        opgave: { interaction: choose(pics('o1', 'o2', 'o3', 'o4', 'o5', 'o6')) },
        key: chosen('o2'),
      }),
    );
    expect(messages(lopsided)).toContainEqual(
      'test-definition.json: $.items: the key is at position 2 in 10 choose/place opgaven, expected 1.67 by chance, at most 3.67 allowed: rz-20, rz-21, rz-22, rz-23, rz-24, rz-25, rz-26, rz-27, rz-28, rz-29',
    );
  });

  it('practice may not show a scored opgave’s pictures', () => {
    const bank = miniBank();
    const rehearsed: PracticeItem = {
      schema: 'lbt.practice/1',
      id: 'p-copy',
      skill: 'tap',
      rule: 'tik',
      opgave: structuredClone(bank[0]!.opgave),
      key: chosen('zon'),
    };
    expect(messages(bank, [...miniPractice, rehearsed])).toEqual([
      'practice/p-copy.json: $.opgave.interaction: practice item "p-copy" shows the same pictures as scored opgave "wl-11" (bank/woorden-leren/wl-11.json); practice must use other material',
    ]);
  });
});
