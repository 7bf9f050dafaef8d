/**
 * `npm run bench [-- --json] [--only NAME] [--quick]`: runs the benchmarks, each beside its baseline,
 * and prints a table or one JSON object per line.
 */
import { parseArgs } from 'node:util';
import { benchmarks } from './entries';
import { formatTable, summarise, type Report } from './harness';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});

const selected = values.only ? benchmarks.filter((b) => b.name === values.only) : benchmarks;
if (selected.length === 0) {
  console.error(`No benchmark named "${values.only}". Known: ${benchmarks.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const reports: Report[] = [];
for (const benchmark of selected) {
  if (!values.json) console.error(`running ${benchmark.name} …`);
  const report = summarise(benchmark, await benchmark.run({ scale: values.quick ? 0.1 : 1 }));
  reports.push(report);
  if (values.json) console.log(JSON.stringify(report));
}
if (!values.json) console.log(formatTable(reports));
