/**
 * Runs electronegativity over electron/ and fails on any finding that docs/security-findings.json does not
 * explain. `npm run security:scan`. The scanner tries the network for translations and Electron releases; both
 * fail fast offline, so the Electron version is passed explicitly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type Finding,
  MalformedReportError,
  parseElectronegativityCsv,
  SecurityFindings,
  triageFindings,
} from '../src/shared/security/scan-findings';

const root = resolve(import.meta.dirname, '..');
const scanner = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;
const list = SecurityFindings.parse(
  JSON.parse(readFileSync(join(root, 'docs/security-findings.json'), 'utf8')),
);

const dir = mkdtempSync(join(tmpdir(), 'lbt-electronegativity-'));
const report = join(dir, 'report.csv');
/** One scan; a malformed report (cut or interleaved under load) is scanned again, at most three times. */
function scan(attempt = 1): Finding[] {
  const run = spawnSync(
    process.execPath,
    [scanner, '-i', join(root, 'electron'), '-o', report, '-r', '-e', electronVersion],
    { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' }, timeout: 300_000 },
  );
  if (run.status !== 0) {
    console.error(`security:scan: electronegativity exited with ${run.status}\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  try {
    return parseElectronegativityCsv(readFileSync(report, 'utf8'));
  } catch (error) {
    if (!(error instanceof MalformedReportError) || attempt >= 3) throw error;
    console.log(`security:scan: the report was malformed (${error.message}); scanning again`);
    return scan(attempt + 1);
  }
}

try {
  const { unexplained, explained, stale } = triageFindings(scan(), list);
  for (const entry of stale)
    console.log(`security:scan: allow-list entry no longer needed: ${entry.check} ${entry.file}`);
  for (const finding of unexplained)
    console.error(
      `security:scan: UNEXPLAINED ${finding.check} (${finding.severity}/${finding.confidence}) in ${finding.file}:${finding.location}: ${finding.description}`,
    );
  console.log(
    `security:scan: ${explained.length} finding(s) explained in docs/security-findings.json, ${unexplained.length} unexplained.`,
  );
  process.exitCode = unexplained.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
