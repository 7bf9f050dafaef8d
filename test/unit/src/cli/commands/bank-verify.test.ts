/**
 * `lbt items verify` on signed mini packages with lbt.item/2 banks: the bank rules refuse a package through the
 * real loader, naming the item, and the strategy table and `--json` report the numbers.
 */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../../src/shared/items/item';
import { loadPackage } from '../../../../../src/host/items/loader';
import { strategyScores } from '../../../../../src/shared/items/strategies';
import { ItemsVerifyReport } from '../../../../../src/shared/items/verify-report';
import { lbtInProcess as lbt } from '../../../../support/lbt-in-process';
import { choose, miniBank, miniBankWith, ordered, pic } from '../../../items/mini-bank';
import { makeMiniPackage, miniPractice, newKeyPair } from '../../../items/mini-package';

/** Writes `items` as a mini package, signs it with the committed development key, and verifies it. */
async function verify(items: Item[], ...args: string[]) {
  const mini = makeMiniPackage(newKeyPair(), { items, practice: miniPractice });
  const signed = await lbt('items', 'sign', mini.dir);
  expect(signed.code, signed.stderr).toBe(0);
  return lbt('items', 'verify', mini.dir, ...args);
}

/** The hand taps the third option in the voorbeeld, and the opgave's key is the third option too. */
const copyTheHand = () =>
  miniBankWith('rz-11', (item) => {
    item.voorbeeld.interaction = choose([pic('b-klein', 'b'), pic('c'), pic('b-groot')]);
  });
const twoOptions = () =>
  miniBankWith('rz-11', (item) => {
    item.opgave.interaction = choose([pic('f'), pic('e-groot')]);
  });
/** Two word orders fit the voorbeeld's sentence and answer the opgave differently. */
const ambiguousWordOrder = () =>
  miniBankWith('zb-11', (item) =>
    item.proof!.consistent.push({ rule: 'aantal voor ding', answer: ordered('u1', 'u3', 'u4') }),
  );

describe('lbt items verify on an lbt.item/2 bank', () => {
  it('accepts the mini bank and prints the strategy table after the summary', async () => {
    const result = await verify(miniBank());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/items: +4 scored in 4 families/);
    expect(result.stdout).toMatch(
      /strategies \(raw score over 4 opgaven, margin above random guessing\):\n +random guessing +0\.57\n +copy the hand's position +0\.00 +-0\.57\n/,
    );
    expect(result.stdout).toMatch(/the picture also shown above +0\.57 +\+0\.00\n/);
    expect(result.stdout).toMatch(/keys there +0 +0 +1 +1 +1 +0\n/);
    expect(result.stdout).toContain('bank rules: random <= 0.80, every other strategy <= random + 0.10');
  });

  it.each([
    [
      'a copy-the-hand item',
      copyTheHand,
      /^bank\/regels-zien\/rz-11\.json: \$\.key: item "rz-11": "copy the hand's position" answers it right with chance 1/m,
    ],
    [
      'a two-option item',
      twoOptions,
      /^bank\/regels-zien\/rz-11\.json: \$\.opgave\.interaction\.options: item "rz-11": 2 options; an opgave needs at least 3$/m,
    ],
    [
      'an ambiguous word-order item',
      ambiguousWordOrder,
      /^bank\/zinnen-bouwen\/zb-11\.json: \$\.proof\.consistent\[1\]\.answer: item "zb-11": rule "aantal voor ding" also fits the voorbeeld but answers \[u1, u3, u4\]/m,
    ],
  ])('refuses %s, naming it', async (_, bank, problem) => {
    const result = await verify(bank());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is NOT valid/);
    expect(result.stderr).toMatch(problem);
  });

  it('still loads the legacy all-lbt.item/1 package, saying the bank rules do not apply', async () => {
    const legacy = makeMiniPackage();
    expect(loadPackage(legacy.dir, legacy.trust()).ok).toBe(true);
    const signed = await lbt('items', 'sign', legacy.dir);
    expect(signed.code, signed.stderr).toBe(0);
    const result = await lbt('items', 'verify', legacy.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('bank rules: not applied (a legacy bank, all lbt.item/1)');
  });
});

describe('lbt items verify --json', () => {
  it('prints one report with the strategy totals, margins and per-item contributions', async () => {
    const result = await verify(miniBank(), '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = ItemsVerifyReport.parse(JSON.parse(result.stdout));
    if (!report.ok) return expect.fail('expected a valid package');
    const expected = strategyScores(miniBank());
    expect(report.bankRulesApply).toBe(true);
    expect(report.itemCount).toBe(4);
    expect(report.strategies.map((row) => [row.name, row.score])).toEqual(Object.entries(expected.totals));
    const copy = report.strategies.find((row) => row.name === 'copy-position')!;
    expect(copy.marginAboveRandom).toBeCloseTo(-0.575, 12);
    expect(report.items).toEqual(expected.items);
    expect(report.keyPositions.counts).toEqual([0, 0, 1, 1, 1, 0]);
    expect(report.keyPositions.allowed[5]).toBeCloseTo(2 / 6 + 2, 12);
  });

  it('on a refused package prints the problems instead, exit 1', async () => {
    const result = await verify(copyTheHand(), '--json');
    expect(result.code).toBe(1);
    const report = ItemsVerifyReport.parse(JSON.parse(result.stdout));
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems).toContainEqual({
      file: 'bank/regels-zien/rz-11.json',
      path: '$.key',
      message: expect.stringMatching(/^item "rz-11": "copy the hand's position"/),
    });
  });
});
