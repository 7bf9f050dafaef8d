/**
 * `lbt retention set|run` and `lbt audit verify` on a real SQLite data dir: a period outside 1-120 months or a
 * missing choice is refused with a clear message and nothing changes; a valid one is stored and logged by the
 * run; verify passes a sound chain and refuses a head that is not in it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { commands } from '../../../../../src/cli/commands';
import { openServerDeps } from '../../../../../src/server/open-deps';
import type { CliConfig } from '../../../../../src/shared/config/cli';

const ENV = {} as CliConfig;

describe('lbt retention and lbt audit verify', () => {
  let dataDir: string;
  let out: MockInstance;
  let err: MockInstance;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lbt-retention-cli-'));
    out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    out.mockRestore();
    err.mockRestore();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = (words: string, ...args: string[]) => commands[words]!.run([...args, '--data', dataDir], ENV);
  const stored = async () => {
    const { deps, close } = await openServerDeps({ dataDir });
    try {
      return await deps.db.selectFrom('gemeente_settings').selectAll().execute();
    } finally {
      await close();
    }
  };

  it('refuses a period outside 1-120 months, or none, and stores nothing', async () => {
    expect(await run('retention set', '--gemeente', 'Utrecht', '--months', '0')).toBe(1);
    expect(err.mock.calls.flat().join('\n')).toMatch(/1-120 whole months \(got 0\)/);
    expect(await run('retention set', '--gemeente', 'Utrecht', '--months', 'veel')).toBe(1);
    expect(await run('retention set', '--gemeente', 'Utrecht')).toBe(2);
    expect(await run('retention set', '--gemeente', 'Utrecht', '--months', '12', '--default')).toBe(2);
    expect(await stored()).toEqual([]);
  });

  it('stores a period, runs, and verifies the chain with its head', async () => {
    expect(await run('retention set', '--gemeente', 'Utrecht', '--months', '60')).toBe(0);
    expect((await stored()).map((r) => [r.gemeente, r.retention_months])).toEqual([['Utrecht', 60]]);
    expect(await run('retention run')).toBe(0);
    expect(await run('audit verify')).toBe(0);
    // The setting is a change: one entry (the run deleted nothing, so it wrote none).
    expect(out.mock.calls.flat().join('\n')).toMatch(/audit log OK: 1 entries/);
    expect(await run('retention set', '--gemeente', 'Utrecht', '--default')).toBe(0);
    const { deps, close } = await openServerDeps({ dataDir });
    try {
      const entries = await deps.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      expect(
        entries.map((e) => [e.actor, e.role, e.gemeente, e.action, e.why, JSON.parse(e.detail)]),
      ).toEqual([
        ['lbt', 'system', 'Utrecht', 'retention.set', 'bewaartermijn', { months: 60 }],
        ['lbt', 'system', 'Utrecht', 'retention.set', 'bewaartermijn', { months: null }],
      ]);
    } finally {
      await close();
    }
    expect(await run('audit verify', '--head', 'f'.repeat(64))).toBe(1);
    expect(err.mock.calls.flat().join('\n')).toMatch(/not in the chain/);
  });
});
