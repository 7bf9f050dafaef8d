/**
 * `npm test`: every check in one run. Typecheck, lint, format, the Electron security scan, unit tests (vitest), build, UI tests in Debian's
 * Chromium (Playwright), and the Electron tests where a binary is given. Ends with one plain line
 * `tests: N passed, N failed` that counts test cases, and exits non-zero if any step failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** Package bins run through this Node: some packages ship them without the executable bit. */
const bin = (name: string) => resolve(root, 'node_modules', '.bin', name);
const node = (name: string, args: string[]) => [process.execPath, [bin(name), ...args]] as const;
mkdirSync(resolve(root, 'test-results'), { recursive: true });

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];

function step(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failedSteps.push(name);
  // The suite has a time budget (well under 15 minutes on 2 cores); each step says what it spent of it.
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return ok;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

function countVitest(file: string): void {
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number }>(file);
  if (!report) return;
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests;
}

function countPlaywright(file: string): void {
  const report = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  }>(file);
  if (!report) return;
  total.passed += report.stats.expected + report.stats.flaky;
  total.failed += report.stats.unexpected;
  total.skipped += report.stats.skipped;
}

step('typecheck', ...node('tsc', ['-p', 'tsconfig.json']));
step('lint', ...node('eslint', ['.', '--max-warnings=0']));
// Exports nothing uses (scripts/dead-exports.ts, the role knip plays elsewhere).
step('dead-exports', ...node('tsx', ['scripts/dead-exports.ts']));
step('format', ...node('prettier', ['--check', '.']));
// electronegativity over electron/; every finding must be explained in docs/security-findings.json.
step('security', ...node('tsx', ['scripts/security-scan.ts']));

const unitReport = resolve(root, 'test-results/unit-report.json');
step(
  'unit',
  ...node('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]),
);
countVitest(unitReport);
// Upload faults: 60 results through a fault-injecting proxy to the real service, restarted once (the full run
// is `npm run test:faults -- --uploads 1000`).
step('uploads', ...node('tsx', ['test/faults/upload-suite.ts', '--uploads', '60']));
// The same through three service instances on one PostgreSQL, kiosks spread over them and parallel duplicates sent
// to two instances at once (the full run is `npm run test:faults -- --uploads 1000 --instances 3`).
step(
  'uploads-instances',
  ...node('tsx', ['test/faults/upload-suite.ts', '--uploads', '40', '--instances', '3', '--kiosks', '6']),
);
// Hostile bodies against the real results service: 500 here (the full run is `npm run test:fuzz`, 5000).
// It prints its one summary line and exits non-zero on any 5xx, non-problem answer or stored row.
step('fuzz', ...node('tsx', ['test/fuzz/ingest-fuzz.ts', '--runs', '500']));
// The psychometric engine against simulated Rasch data: 3 replications here (the full run is
// `npm run test:psychometrics`, 100). It prints its one summary line and exits non-zero on a failed check.
step('psychometrics', ...node('tsx', ['test/psychometrics/run.ts', '--replications', '3']));

if (step('build', ...node('tsx', ['scripts/build.ts']))) {
  const e2eReport = resolve(root, 'test-results/e2e-report.json');
  // Crash safety: SIGKILL the real host at 20 random points (the full run is `npm run test:faults`, 200 kills).
  // After the build: the host serves the built renderer and will not start without it.
  step('faults', ...node('tsx', ['test/faults/kill-suite.ts', '--kills', '20']));
  step('e2e', ...node('playwright', ['test']));
  countPlaywright(e2eReport);

  if (process.env.LBT_ELECTRON_PATH) {
    const electronReport = resolve(root, 'test-results/electron-report.json');
    step('electron', ...node('playwright', ['test', '--config', 'test/electron/playwright.config.ts']));
    countPlaywright(electronReport);
  } else {
    console.log(
      '\n=== electron: skipped: LBT_ELECTRON_PATH is not set (no Electron binary can be downloaded here).',
    );
  }
}

console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
