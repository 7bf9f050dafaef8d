/**
 * The benchmark harness. Machines here are shared and noisy, so every figure is measured beside its
 * baseline in the same run, interleaved sample by sample, and reported as a ratio to it.
 */

export interface Samples {
  /** One figure per sample in the benchmark's unit. */
  samples: number[];
  baseline: { name: string; samples: number[] };
}

export interface Benchmark {
  name: string;
  /** What one sample measures, e.g. "ms" per call or "results/s". */
  unit: string;
  /** Whether a higher figure is better (throughput) or worse (latency); only affects the table's hint. */
  higherIsBetter?: boolean;
  run(options: RunOptions): Promise<Samples>;
}

export interface RunOptions {
  /** Scale factor for sample counts: 1 by default, smaller with --quick. */
  scale: number;
}

export interface Report {
  name: string;
  unit: string;
  n: number;
  p50: number;
  p95: number;
  baseline: { name: string; p50: number; p95: number };
  ratio_p50: number;
  ratio_p95: number;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function summarise(benchmark: Benchmark, result: Samples): Report {
  const p50 = percentile(result.samples, 50);
  const p95 = percentile(result.samples, 95);
  const b50 = percentile(result.baseline.samples, 50);
  const b95 = percentile(result.baseline.samples, 95);
  return {
    name: benchmark.name,
    unit: benchmark.unit,
    n: result.samples.length,
    p50: round(p50),
    p95: round(p95),
    baseline: { name: result.baseline.name, p50: round(b50), p95: round(b95) },
    ratio_p50: round(p50 / b50),
    ratio_p95: round(p95 / b95),
  };
}

/**
 * Times `subject` and `baseline` alternately (the order flips every round so neither always runs on a
 * warmer cache), after a warm-up of both. Returns milliseconds per call.
 */
export async function interleaved(
  subject: () => Promise<unknown>,
  baseline: { name: string; run: () => Promise<unknown> },
  counts: { warmup: number; samples: number },
): Promise<Samples> {
  for (let i = 0; i < counts.warmup; i++) {
    await subject();
    await baseline.run();
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const start = performance.now();
    await fn();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < counts.samples; i++) {
    if (i % 2 === 0) {
      await time(subject, ours);
      await time(baseline.run, theirs);
    } else {
      await time(baseline.run, theirs);
      await time(subject, ours);
    }
  }
  return { samples: ours, baseline: { name: baseline.name, samples: theirs } };
}

export function formatTable(reports: Report[]): string {
  const header = [
    'benchmark',
    'unit',
    'n',
    'p50',
    'p95',
    'baseline',
    'base p50',
    'base p95',
    'ratio p50',
    'ratio p95',
  ];
  const rows = reports.map((r) => [
    r.name,
    r.unit,
    String(r.n),
    String(r.p50),
    String(r.p95),
    r.baseline.name,
    String(r.baseline.p50),
    String(r.baseline.p95),
    String(r.ratio_p50),
    String(r.ratio_p95),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
