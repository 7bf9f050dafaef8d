import { chmodSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  JsonFileUnreadable,
  parseJsonFile,
  parseJsonFileIfExists,
} from '../../../src/host/files/parse-json-file';

const Schema = z.object({ a: z.number() });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lbt-pjf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('parseJsonFile', () => {
  it('reads and checks a file', async () => {
    writeFileSync(join(dir, 'ok.json'), '{"a":1}');
    expect(await parseJsonFile(Schema, join(dir, 'ok.json'))).toEqual({ ok: true, value: { a: 1 } });
  });

  it('names a missing file clearly (ENOENT), and parseJsonFileIfExists reads it as null', async () => {
    const file = join(dir, 'none.json');
    const read = await parseJsonFile(Schema, file, 'the settings file');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toBeInstanceOf(JsonFileUnreadable);
    expect(read.error.message).toBe('the settings file cannot be read: it does not exist (ENOENT)');
    expect(await parseJsonFileIfExists(Schema, file)).toEqual({ ok: true, value: null });
  });

  it('names a folder where a file should be (EISDIR)', async () => {
    mkdirSync(join(dir, 'folder.json'));
    const read = await parseJsonFileIfExists(Schema, join(dir, 'folder.json'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toMatch(/it is a folder, not a file \(EISDIR\)$/);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'names a file this account may not read (EACCES)',
    async () => {
      const file = join(dir, 'locked.json');
      writeFileSync(file, '{"a":1}');
      chmodSync(file, 0o000);
      const read = await parseJsonFile(Schema, file);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error.message).toMatch(/permission denied.*\(EACCES\)$/);
    },
  );

  it('refuses duplicate keys and lists every schema issue', async () => {
    writeFileSync(join(dir, 'dup.json'), '{"a":1,"a":2}');
    const dup = await parseJsonFile(Schema, join(dir, 'dup.json'), 'dup');
    expect(dup.ok || dup.error.message).toMatch(/^dup is not JSON: duplicate key "a"/);
    writeFileSync(join(dir, 'bad.json'), '[{"a":"x"}]');
    const bad = await parseJsonFile(z.array(Schema.extend({ b: z.string() })), join(dir, 'bad.json'), 'bad');
    expect(bad.ok || bad.error.message).toMatch(/^bad: \$\[0\]\.a: .+; \$\[0\]\.b: .+/);
  });
});
