/**
 * KR-20, SEM and item-rest correlations: the formulas against a small example worked out by hand, then the SQL
 * sums path against a naive computation over the stored item patterns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statistics } from '../../../../../src/server/review/reliability';
import { kr20 } from '../../../../../src/shared/psychometrics';
import {
  addUser,
  Client,
  plan,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

describe('statistics from sums', () => {
  // Four candidates, three items: 111, 110, 100, 000. By hand: p = .75/.5/.25, sum pq = 10/16 = .625,
  // totals 3,2,1,0 with mean 1.5 and population variance 1.25, so KR-20 = 3/2 * (1 - .625/1.25) = .75 and
  // SEM = sqrt(1.25) * sqrt(.25) = .5590. Item-rest: item 1 X=1110, rest=2100: cov .1875, var .1875 and
  // .6875, r = .5222; item 2 X=1100, rest=2110: r = .25/sqrt(.25*.5) = .7071; item 3 mirrors item 1.
  const sums = { n: 4, sumT: 6, sumT2: 14, correct: [3, 2, 1], sumTCorrect: [6, 5, 3] };

  it('gives the hand-computed KR-20, SEM and item-rest correlations', () => {
    const s = statistics(sums);
    expect(s.mean).toBe(1.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(s.kr20).toBeCloseTo(0.75, 12);
    expect(s.sem).toBeCloseTo(0.559017, 6);
    expect(s.items.map((i) => i.p)).toEqual([0.75, 0.5, 0.25]);
    expect(s.items[0]!.itemRest).toBeCloseTo(0.522233, 6);
    expect(s.items[1]!.itemRest).toBeCloseTo(0.707107, 6);
    expect(s.items[2]!.itemRest).toBeCloseTo(0.522233, 6);
  });

  it("agrees with the engine's KR-20 and SEM on the same answers (one formula)", () => {
    const matrix = [
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ];
    const engine = kr20(matrix);
    const s = statistics(sums);
    expect(s.kr20).toBe(engine.kr20);
    expect(s.sem).toBe(engine.sem);
  });

  it('gives no KR-20 without variance and no item-rest for an item everyone got right', () => {
    const flat = statistics({ n: 3, sumT: 6, sumT2: 12, correct: [3, 3], sumTCorrect: [6, 6] });
    expect(flat.kr20).toBeNull();
    expect(flat.sem).toBeNull();
    expect(flat.items[0]!.itemRest).toBeNull();
    expect(statistics({ n: 0, sumT: 0, sumT2: 0, correct: [], sumTCorrect: [] }).mean).toBeNull();
  });
});

describe('reliability through SQL', () => {
  let service: ReviewService;
  beforeAll(async () => {
    service = await startReviewService('sqlite');
    const raws = [5, 12, 18, 21, 24, 26, 28, 29, 31, 33, 35, 37, 39, 40];
    await seed(
      service,
      'Utrecht',
      raws.map((raw, i) => plan(raw, 'onbekend', `2026-05-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`)),
    );
    await addUser(service, 'beheer', 'Utrecht', 'beheerder');
  }, 60_000);
  afterAll(async () => service?.stop());

  it('matches a naive computation over the stored item patterns', async () => {
    const rows = await service.deps.db.selectFrom('results').select(['item_pattern', 'raw']).execute();
    const matrix = rows.map((r) => [...r.item_pattern].map((c) => (c === '1' ? 1 : 0)));
    const n = matrix.length;
    const k = matrix[0]!.length;
    const totals = matrix.map((row) => row.reduce((a: number, b) => a + b, 0));
    const mean = totals.reduce((a, b) => a + b, 0) / n;
    const variance = totals.reduce((a, t) => a + (t - mean) ** 2, 0) / n;
    const p = Array.from({ length: k }, (_, j) => matrix.reduce((a, row) => a + row[j]!, 0) / n);
    const kr20 = (k / (k - 1)) * (1 - p.reduce((a, pj) => a + pj * (1 - pj), 0) / variance);
    const corr = (x: number[], y: number[]) => {
      const mx = x.reduce((a, b) => a + b, 0) / x.length;
      const my = y.reduce((a, b) => a + b, 0) / y.length;
      const cov = x.reduce((a, xi, i) => a + (xi - mx) * (y[i]! - my), 0);
      const vx = x.reduce((a, xi) => a + (xi - mx) ** 2, 0);
      const vy = y.reduce((a, yi) => a + (yi - my) ** 2, 0);
      return vx === 0 || vy === 0 ? null : cov / Math.sqrt(vx * vy);
    };

    const client = new Client(service.url);
    await client.login('beheer');
    const r = (await client.get('/v1/review/reliability')).json;
    expect(r.n).toBe(14);
    expect(r.mean).toBeCloseTo(mean, 2);
    expect(r.sd).toBeCloseTo(Math.sqrt(variance), 2);
    expect(r.kr20).toBeCloseTo(kr20, 3);
    expect(r.sem).toBeCloseTo(Math.sqrt(variance) * Math.sqrt(1 - kr20), 2);
    expect(r.twijfelzoneSem.from).toBeCloseTo(28 - Math.sqrt(variance) * Math.sqrt(1 - kr20), 1);
    for (let j = 0; j < k; j++) {
      const x = matrix.map((row) => row[j]!);
      const rest = matrix.map((row, i) => totals[i]! - row[j]!);
      expect(r.itemStatistics[j].p).toBeCloseTo(p[j]!, 3);
      const expected = corr(x, rest);
      if (expected === null) expect(r.itemStatistics[j].itemRest).toBeNull();
      else expect(r.itemStatistics[j].itemRest).toBeCloseTo(expected, 3);
    }
  });
});
