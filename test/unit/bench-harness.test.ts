import { describe, expect, it } from 'vitest';
import { formatTable, interleaved, percentile, summarise } from '../bench/harness';

describe('benchmark harness', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('reports every figure beside its baseline, with ratios, in the documented JSON shape', () => {
    const report = summarise(
      { name: 'x.y', unit: 'ms', run: async () => ({ samples: [], baseline: { name: 'b', samples: [] } }) },
      { samples: [2, 2, 2, 4], baseline: { name: 'raw', samples: [1, 1, 1, 1] } },
    );
    expect(report).toEqual({
      name: 'x.y',
      unit: 'ms',
      n: 4,
      p50: 2,
      p95: 4,
      baseline: { name: 'raw', p50: 1, p95: 1 },
      ratio_p50: 2,
      ratio_p95: 4,
    });
    expect(formatTable([report])).toMatch(/x\.y\s+ms\s+4\s+2\s+4\s+raw/);
  });

  it('interleaves subject and baseline and counts samples exactly', async () => {
    const order: string[] = [];
    const result = await interleaved(
      async () => order.push('s'),
      { name: 'b', run: async () => order.push('b') },
      { warmup: 1, samples: 4 },
    );
    expect(result.samples).toHaveLength(4);
    expect(result.baseline.samples).toHaveLength(4);
    expect(order.join('')).toBe('sb' + 'sb' + 'bs' + 'sb' + 'bs');
  });
});
