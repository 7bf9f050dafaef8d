/**
 * `lbt definition release` on a copy of the reference package in a temp folder: a validated Angoff study
 * becomes cesuur version 2 of a new, signed, verifying package version with a new hash; results score against
 * the version they were taken with (old: no advice, new: the released cesuur); every refusal leaves the package
 * byte for byte as it was.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { newPublisherKeyPair } from '../../../../../src/host/items/keys';
import { paths } from '../../../../../src/host/paths';
import { TestDefinition } from '../../../../../src/shared/items';
import type { ScoreResult } from '../../../../../src/shared/scoring';
import { lbtInProcess } from '../../../../support/lbt-in-process';
import { responsesWith, scoringPackage } from '../../../../support/scoring-cli-package';

let work: string;
let dir: string;

const definitionOf = (folder: string) =>
  TestDefinition.parse(JSON.parse(readFileSync(join(folder, 'test-definition.json'), 'utf8')));
const manifestOf = (folder: string) => readFileSync(join(folder, 'manifest.json'), 'utf8');

/** Three judges; judge i puts each item at 0.6 + 0.05 i, so the cuts are 24, 26, 28 and the panel's 26 (SE 1.15). */
function angoffCsv(items: readonly string[], judges = 3): string {
  const rows = Array.from({ length: judges }, (_, i) =>
    [`beoordelaar-${i + 1}`, ...items.map(() => (0.6 + 0.05 * i).toFixed(2))].join(','),
  );
  return [['beoordelaar', ...items].join(','), ...rows].join('\n') + '\n';
}

async function score(folder: string, right: number): Promise<ScoreResult> {
  const pkg = scoringPackage({ operational: false });
  const file = join(work, `responses-${right}.json`);
  writeFileSync(file, JSON.stringify({ responses: responsesWith(pkg, right) }));
  const run = await lbtInProcess('score', '--package', folder, '--responses', file);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ScoreResult;
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'lbt-release-'));
  dir = join(work, 'items');
  cpSync(paths.items, dir, { recursive: true, filter: (src) => src !== join(paths.items, 'tools') });
});

describe('lbt definition release', () => {
  it('releases an Angoff cesuur as a new signed version that verifies, and scores old and new results each by their own version', async () => {
    const before = definitionOf(dir);
    expect(before.status).toBe('pilot');
    const csv = join(work, 'angoff-2027-01.csv');
    writeFileSync(csv, angoffCsv(before.items));
    const run = await lbtInProcess(
      'definition',
      'release',
      '--package',
      dir,
      '--status',
      'operational',
      '--label',
      'Angoff-studie 2027-01',
      '--method',
      'gemodificeerde Angoff, twee rondes',
      '--angoff',
      csv,
      '--date',
      '2027-01-15',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('3 judges, panel cut 26.00 (SE 1.15), proposed cesuur 26');

    const after = definitionOf(dir);
    expect(after).toMatchObject({ version: '2.2.0', status: 'operational', cesuur: 26 });
    expect(after.cesuurVersions).toHaveLength(2);
    expect(after.cesuurVersions![0]).toEqual(before.cesuurVersions![0]);
    expect(after.cesuurVersions![1]).toMatchObject({
      number: 2,
      label: 'Angoff-studie 2027-01',
      cesuur: 26,
      status: 'operational',
      releasedAt: '2027-01-15',
      source: csv,
      definitionVersion: '2.2.0',
      proposal: { method: 'angoff', judges: 3, proposedCesuur: 26 },
    });
    expect(after.cesuurVersions![1]!.proposal!.se).toBeCloseTo(2 / Math.sqrt(3), 9);

    const verify = await lbtInProcess('items', 'verify', dir);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const hashes = [...run.stdout.matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).not.toBe(hashes[1]);

    // 27 right: no advice under the pilot it was taken with; haalbaar under the released cesuur of 26.
    const old = await score(paths.items, 27);
    expect(old).toMatchObject({ raw: 27, outcome: 'proefafname: geen advies', definitionStatus: 'pilot' });
    const released = await score(dir, 27);
    expect(released).toMatchObject({
      raw: 27,
      cesuur: 26,
      outcome: 'B1-route haalbaar',
      definitionStatus: 'operational',
      cesuurVersion: { number: 2, label: 'Angoff-studie 2027-01', releasedAt: '2027-01-15' },
      voorlopig: null,
    });
    expect((await score(dir, 25)).outcome).toBe('B1-route niet haalbaar');
  });

  it('marks a provisional release voorlopig with its reason', async () => {
    const run = await lbtInProcess(
      'definition',
      'release',
      '--package',
      dir,
      '--status',
      'provisional',
      '--cesuur',
      '27',
      '--label',
      'kalibratie 2027-03',
      '--method',
      'Rasch-kalibratie, cesuur op de landelijke waarde',
      '--source',
      'kalibratierapport 2027-03',
      '--reason',
      'nog geen standaardbepaling voor dit pakket',
    );
    expect(run.code, run.stderr).toBe(0);
    const result = await score(dir, 30);
    expect(result).toMatchObject({
      outcome: 'B1-route haalbaar',
      definitionStatus: 'provisional',
      voorlopig: 'nog geen standaardbepaling voor dit pakket',
    });
  });

  it('refuses a bad study, another key and a pilot release, and leaves the package as it was', async () => {
    const manifest = manifestOf(dir);
    const definition = readFileSync(join(dir, 'test-definition.json'), 'utf8');
    const items = definitionOf(dir).items;
    const base = ['definition', 'release', '--package', dir, '--label', 'x', '--method', 'y'];

    const oneJudge = join(work, 'one-judge.csv');
    writeFileSync(oneJudge, angoffCsv(items, 1));
    const bad = await lbtInProcess(...base, '--status', 'operational', '--angoff', oneJudge);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/beoordelaars/);

    const fewer = join(work, 'fewer.csv');
    writeFileSync(fewer, angoffCsv(items.slice(1)));
    const missing = await lbtInProcess(...base, '--status', 'operational', '--angoff', fewer);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`missing: ${items[0]}`);

    const other = join(work, 'other-key.json');
    writeFileSync(
      other,
      JSON.stringify({
        schema: 'lbt.publisher-key/1',
        warning: 'test key',
        name: 'another publisher',
        development: true,
        ...newPublisherKeyPair(),
      }),
    );
    const wrongKey = await lbtInProcess(
      ...base,
      '--status',
      'operational',
      '--cesuur',
      '28',
      '--source',
      's',
      '--key',
      other,
    );
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/release it with the key of its publisher/);

    expect((await lbtInProcess(...base, '--status', 'pilot', '--cesuur', '28')).code).toBe(2);
    const tooHigh = await lbtInProcess(...base, '--status', 'operational', '--cesuur', '41', '--source', 's');
    expect(tooHigh.code).toBe(1);

    expect(manifestOf(dir)).toBe(manifest);
    expect(readFileSync(join(dir, 'test-definition.json'), 'utf8')).toBe(definition);
  });
});
