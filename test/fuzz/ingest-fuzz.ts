/**
 * `npm run test:fuzz [-- --runs N] [--seed S]`: sends N (default 5000) malformed or hostile bodies to a real
 * results service on 127.0.0.1 (SQLite in a temp dir). Every answer must be a 4xx problem document; none a 5xx;
 * nothing may be stored (rows are counted before and after, the one legitimate baseline result excluded).
 * Prints exactly one summary line on stdout and exits 1 on any violation, naming the seed to repeat it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { revokeDevice } from '../../src/server/admin/devices';
import { startResultsService } from '../../src/server/start';
import { Problem, PROBLEM_CONTENT_TYPE } from '../../src/shared/results-service';
import { Rng } from '../faults/rng';
import { enrollDevice, newDevice, postResult, signedResult, testPackage } from '../support/results-service';
import { fuzzBody, type FuzzWorld } from './mutations';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5000' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
  },
});
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const concurrency = Number(values.concurrency);
console.error(`fuzz: ${runs} bodies, seed ${seed} (repeat with --seed ${seed})`);

const dataDir = mkdtempSync(join(tmpdir(), 'lbt-fuzz-'));
const service = await startResultsService({
  dataDir,
  databaseUrl: '',
  packages: [testPackage],
  logLevel: 'silent',
  // The fuzzer speaks for three devices at full speed; the limiter has its own test.
  rateLimit: { max: 10_000_000, timeWindowMs: 60_000 },
  // Through the check threads, as `lbt server` runs: hostile bodies must be refused there just the same.
  checkThreads: 2,
});

async function countRows(): Promise<number> {
  const row = await service.deps.db
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

let exitCode = 0;
try {
  const enrolled = newDevice();
  const revoked = newDevice();
  await enrollDevice(service.url, service.deps, enrolled);
  await enrollDevice(service.url, service.deps, revoked);
  await revokeDevice(service.deps, revoked.deviceId);
  const baseline = signedResult(enrolled);
  const stored = await postResult(service.url, baseline);
  if (stored.status !== 201) throw new Error(`the baseline result was not stored: ${stored.status}`);
  const world: FuzzWorld = { enrolled, revoked, unknown: newDevice(), baseline };
  const before = await countRows();

  const rng = new Rng(seed);
  const bodies = Array.from({ length: runs }, () => fuzzBody(rng, world));
  let status4xx = 0;
  let status5xx = 0;
  const violations: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const index = next++;
      const { kind, body, contentType } = bodies[index]!;
      let status: number;
      let problemOk: boolean;
      try {
        const response = await fetch(`${service.url}/v1/results`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body,
        });
        status = response.status;
        const text = await response.text();
        problemOk =
          (response.headers.get('content-type') ?? '').startsWith(PROBLEM_CONTENT_TYPE) &&
          Problem.safeParse(JSON.parse(text)).success;
      } catch (error) {
        violations.push(`#${index} ${kind}: request failed: ${(error as Error).message}`);
        continue;
      }
      if (status >= 500) status5xx++;
      if (status >= 400 && status < 500 && problemOk) status4xx++;
      else
        violations.push(
          `#${index} ${kind}: answered ${status}${problemOk ? '' : ' without a problem document'}`,
        );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const storedRows = (await countRows()) - before;
  console.log(JSON.stringify({ suite: 'fuzz', runs, status4xx, status5xx, stored: storedRows }));
  if (violations.length > 0 || storedRows !== 0 || status5xx !== 0) {
    for (const v of violations.slice(0, 20)) console.error(`violation: ${v}`);
    console.error(`fuzz: FAILED with seed ${seed}: ${violations.length} violation(s), ${storedRows} stored`);
    exitCode = 1;
  }
} catch (error) {
  console.error(`fuzz: could not run: ${(error as Error).stack}`);
  exitCode = 1;
} finally {
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
