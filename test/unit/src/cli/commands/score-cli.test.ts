import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../../../../src/host/paths';
import { ScoreResult } from '../../../../../src/shared/scoring';
import { lbtInProcess } from '../../../../support/lbt-in-process';
import { responsesWith, scoringPackage, type ScoringPackage } from '../../../../support/scoring-cli-package';

const lbt = join(paths.packageJson, '..', 'bin', 'lbt.mjs');
let pkg: ScoringPackage;
let work: string;

/**
 * Runs `lbt score` on a responses file: in-process (test/support/lbt-in-process.ts), or as the real binary in a
 * child process, as an operator would (`spawn: true`, used by the first test and the --help test).
 */
async function lbtScore(responses: unknown, extra: string[] = [], options: { spawn?: boolean } = {}) {
  const file = join(work, `responses-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof responses === 'string' ? responses : JSON.stringify(responses));
  const args = ['score', '--package', pkg.dir, '--responses', file, ...extra];
  let run: { status: number | null; stdout: string; stderr: string };
  if (options.spawn) {
    run = spawnSync(process.execPath, [lbt, ...args], { encoding: 'utf8', timeout: 60_000 });
  } else {
    const inProcess = await lbtInProcess(...args);
    run = { status: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr };
  }
  const json = run.status === 0 ? (JSON.parse(run.stdout) as ScoreResult & Record<string, unknown>) : null;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, json };
}

beforeAll(() => {
  pkg = scoringPackage();
  work = mkdtempSync(join(tmpdir(), 'lbt-score-cli-'));
});

describe('lbt score', () => {
  it('scores all-correct as N and haalbaar, all-wrong as 0 and niet haalbaar', async () => {
    const n = pkg.items.length;
    expect(n).toBe(40);
    const all = await lbtScore({ responses: responsesWith(pkg, n) }, [], { spawn: true });
    expect(all.status).toBe(0);
    expect(ScoreResult.passthrough().parse(all.json)).toBeTruthy();
    expect(all.json).toMatchObject({
      raw: n,
      max: n,
      outcome: 'B1-route haalbaar',
      unanswered: 0,
      scoringVersion: 'lbt-scoring/1',
    });
    expect(all.json!.items.every((i) => i.correct)).toBe(true);
    const none = await lbtScore({ responses: responsesWith(pkg, 0) });
    expect(none.json).toMatchObject({ raw: 0, outcome: 'B1-route niet haalbaar', unanswered: 0 });
    expect(none.stdout).not.toMatch(/Z-route/i);
  });

  it('puts cesuur - 1 below and cesuur and cesuur + 1 at or above the cesuur', async () => {
    const cesuur = pkg.definition.cesuur;
    const expected = [
      [cesuur - 1, 'B1-route niet haalbaar'],
      [cesuur, 'B1-route haalbaar'],
      [cesuur + 1, 'B1-route haalbaar'],
    ] as const;
    for (const [raw, outcome] of expected) {
      const run = await lbtScore({ responses: responsesWith(pkg, raw) });
      expect(run.json).toMatchObject({ raw, outcome, cesuur, cesuurSource: 'definition' });
      expect(run.json!.twijfelzone.inZone).toBe(true);
    }
  });

  it('--cesuur changes only the outcome (31 on the reference package)', async () => {
    const raw = pkg.definition.cesuur + 1;
    const override = 31;
    const responses = { responses: responsesWith(pkg, raw) };
    const base = await lbtScore(responses);
    const stricter = await lbtScore(responses, ['--cesuur', String(override)]);
    expect(base.json!.outcome).toBe('B1-route haalbaar');
    expect(stricter.json).toMatchObject({
      raw,
      cesuur: override,
      cesuurSource: 'override',
      outcome: 'B1-route niet haalbaar',
    });
    expect(stricter.json!.items).toEqual(base.json!.items);
    expect(stricter.json!.unanswered).toBe(base.json!.unanswered);
    expect(stricter.json!.package).toEqual(base.json!.package);
  });

  it('gives no advice on the pilot reference package, at any score, and names its status and cesuur version', async () => {
    const pilot = scoringPackage({ operational: false });
    expect(pilot.definition.status).toBe('pilot');
    for (const right of [0, 28, 40]) {
      const file = join(work, `pilot-${right}.json`);
      writeFileSync(file, JSON.stringify({ responses: responsesWith(pilot, right) }));
      const run = await lbtInProcess('score', '--package', pilot.dir, '--responses', file);
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as ScoreResult;
      expect(json).toMatchObject({
        raw: right,
        outcome: 'proefafname: geen advies',
        definitionStatus: 'pilot',
      });
      expect(json.cesuurVersion.number).toBe(1);
      expect(run.stdout).not.toMatch(/haalbaar/);
    }
  });

  it('counts null, missing and incomplete answers as unanswered', async () => {
    const responses: Record<string, unknown> = responsesWith(pkg, pkg.items.length);
    const [first, second] = pkg.items;
    responses[first!.id] = null;
    delete responses[second!.id];
    const orderItem = pkg.items.find(
      (i) => i.opgave.interaction.kind === 'order' && i !== first && i !== second,
    )!;
    const key = orderItem.key as { kind: 'order'; sequence: string[] };
    responses[orderItem.id] = { kind: 'order', sequence: [null, ...key.sequence.slice(1)] };
    const run = await lbtScore({ responses });
    expect(run.json).toMatchObject({ raw: pkg.items.length - 3, unanswered: 3 });
  });

  it('refuses a malformed responses file with a clear error and exit 1', async () => {
    const notJson = await lbtScore('{ "responses": ');
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toMatch(/not valid JSON/);
    const wrongShape = await lbtScore({ responses: { [pkg.items[0]!.id]: { kind: 'choose' } } });
    expect(wrongShape.status).toBe(1);
    expect(wrongShape.stderr).toMatch(new RegExp(`\\$\\.responses\\.${pkg.items[0]!.id}`));
    const noWrapper = await lbtScore(responsesWith(pkg, 3));
    expect(noWrapper.status).toBe(1);
    expect(noWrapper.stderr).toMatch(/does not match \{ "responses"/);
    const unknown = await lbtScore({ responses: { 'geen-item': { kind: 'choose', optionId: 'a' } } });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/"geen-item" is not a scored item/);
    const misfit = await lbtScore({
      responses: { [pkg.items[0]!.id]: { kind: 'place', targetId: 'nergens' } },
    });
    expect(misfit.status).toBe(1);
    expect(misfit.stderr).toMatch(/does not fit the opgave/);
    for (const run of [notJson, wrongShape, noWrapper, unknown, misfit]) {
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('refuses bad arguments with usage and exit 2, and documents the format in --help', async () => {
    const help = spawnSync(process.execPath, [lbt, 'score', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/"responses": \{ "<itemId>": <Response> \| null/);
    const badCesuur = await lbtScore({ responses: {} }, ['--cesuur', 'achtentwintig']);
    expect(badCesuur.status).toBe(2);
    expect(badCesuur.stderr).toMatch(/--cesuur must be a whole number/);
    const missing = await lbtInProcess('score', '--package', pkg.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--responses are required/);
  });
});
