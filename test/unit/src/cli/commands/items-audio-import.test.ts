import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lbtInProcess as lbt } from '../../../../support/lbt-in-process';
import { recording } from '../../../../support/recordings';

/** The command's own part: three-word dispatch, its arguments, and the import's report or refusal. */
const ITEMS = resolve(import.meta.dirname, '../../../../../items');

describe('lbt items audio import', () => {
  it('names what is missing or malformed in its arguments, before touching any file', async () => {
    const noSpeaker = await lbt('items', 'audio', 'import', 'nl', '/tmp');
    expect(noSpeaker.code).toBe(2);
    expect(noSpeaker.stderr).toMatch(/Usage: lbt items audio import <lang> <folder> --speaker ID/);
    const named = await lbt('items', 'audio', 'import', 'nl', '/tmp', '--speaker', 'Fatima Ahmed');
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/--speaker: "Fatima Ahmed" is not a speaker id/);
    const date = await lbt(
      'items',
      'audio',
      'import',
      'nl',
      '/tmp',
      '--speaker',
      's1',
      '--date',
      '30-11-2026',
    );
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--date: "30-11-2026" is not a date/);
  });

  it('imports into the package given by --package and says what it did; a refusal exits 1 with the reason', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lbt-cli-import-')), 'items');
    cpSync(ITEMS, dir, { recursive: true, filter: (src) => !src.startsWith(join(ITEMS, 'tools')) });
    const folder = mkdtempSync(join(tmpdir(), 'lbt-cli-recordings-'));
    recording(join(folder, 'opgave.wav'), 0.3, ['-c:a', 'pcm_s16le']);
    const args = ['items', 'audio', 'import', 'en', folder, '--speaker', 'spreker-02', '--package', dir];
    const done = await lbt(...args, '--date', '2026-12-01');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/opgave +instructions\/en\/opgave\.ogg \(was -\d+\.\d LUFS, now -23\)/);
    expect(done.stdout).toMatch(/Imported 1 recording\(s\) for "en" into .*; signed again/);
    const en = JSON.parse(readFileSync(join(dir, 'instructions/en.json'), 'utf8'));
    expect(en.texts.opgave.provenance).toEqual({
      kind: 'recorded',
      speaker: 'spreker-02',
      date: '2026-12-01',
    });

    const refused = await lbt(
      'items',
      'audio',
      'import',
      'ti',
      folder,
      '--speaker',
      'spreker-02',
      '--package',
      dir,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^Cannot import into .*: the package would not verify; nothing was imported/,
    );
  });
});
