/**
 * `lbt gemeente reference-form set|show|clear` on a real SQLite data dir: a form that could let a name through, or
 * whose example breaks it, is refused with the reason and nothing is stored; a good one is stored and shown as the
 * console will name it; clear leaves the gemeente without a form.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { commands } from '../../../../../src/cli/commands';
import { openServerDeps } from '../../../../../src/server/open-deps';
import type { CliConfig } from '../../../../../src/shared/config/cli';

const ENV = {} as CliConfig;

describe('lbt gemeente reference-form', () => {
  let dataDir: string;
  let out: MockInstance;
  let err: MockInstance;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lbt-reference-form-cli-'));
    out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    out.mockRestore();
    err.mockRestore();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = (words: string, ...args: string[]) =>
    commands[`gemeente reference-form ${words}`]!.run([...args, '--data', dataDir], ENV);
  const stored = async () => {
    const { deps, close } = await openServerDeps({ dataDir });
    try {
      return await deps.db.selectFrom('reference_forms').select(['gemeente', 'form']).execute();
    } finally {
      await close();
    }
  };

  it('refuses a letters-only mask, a bad example and a missing option, storing nothing', async () => {
    expect(await run('set', '--gemeente', 'Utrecht', '--mask', 'AAAAAA', '--example', 'JANSEN')).toBe(1);
    expect(err.mock.calls.flat().join('\n')).toContain('een referentie van alleen letters kan een naam zijn');
    const badExample = ['--mask', '999999999', '--check', 'elfproef', '--example', '123456789'];
    expect(await run('set', '--gemeente', 'Utrecht', ...badExample)).toBe(1);
    expect(err.mock.calls.flat().join('\n')).toContain('het voorbeeld past niet: de 11-proef klopt niet');
    expect(await run('set', '--gemeente', 'Utrecht', '--mask', '999999999')).toBe(2);
    expect(await stored()).toEqual([]);
  });

  it('stores a form, shows it as the console names it, and clears it', async () => {
    const form = [
      '--mask',
      '999999999',
      '--mask',
      '9999999',
      '--check',
      'elfproef',
      '--example',
      '123456782',
    ];
    expect(await run('set', '--gemeente', 'Utrecht', ...form)).toBe(0);
    expect(await run('show', '--gemeente', 'Utrecht')).toBe(0);
    expect(out.mock.calls.flat().join('\n')).toContain(
      'Utrecht: 999999999 (9 cijfers) of 9999999 (7 cijfers) met 11-proef, bijvoorbeeld 123456782',
    );
    expect(await run('clear', '--gemeente', 'Utrecht')).toBe(0);
    expect(await run('show', '--gemeente', 'Utrecht')).toBe(0);
    expect(out.mock.calls.flat().join('\n')).toContain('Utrecht: no form set');
    expect((await stored()).map((row) => row.form === null)).toEqual([false, true]);
  });
});
