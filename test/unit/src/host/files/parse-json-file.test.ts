import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  JsonFileUnreadable,
  parseJsonFile,
  parseJsonFileIfExists,
} from '../../../../../src/host/files/parse-json-file';

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

  // EACCES itself cannot be provoked here (the suite runs as root, who may read any file); its wording is tested
  // through errnoMessage in test/unit/src/shared/json/parse-json.test.ts. ENOTDIR takes the same path through the reader.
  it('names a path that runs through a file (ENOTDIR)', async () => {
    writeFileSync(join(dir, 'plain.json'), '{"a":1}');
    const read = await parseJsonFile(Schema, join(dir, 'plain.json', 'inner.json'));
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.error.message).toMatch(/a part of its path is a file, not a folder \(ENOTDIR\)$/);
  });

  it('refuses duplicate keys and lists every schema issue', async () => {
    writeFileSync(join(dir, 'dup.json'), '{"a":1,"a":2}');
    const dup = await parseJsonFile(Schema, join(dir, 'dup.json'), 'dup');
    expect(dup.ok || dup.error.message).toMatch(/^dup is not JSON: duplicate key "a"/);
    writeFileSync(join(dir, 'bad.json'), '[{"a":"x"}]');
    const bad = await parseJsonFile(z.array(Schema.extend({ b: z.string() })), join(dir, 'bad.json'), 'bad');
    expect(bad.ok || bad.error.message).toMatch(/^bad: \$\[0\]\.a: .+; \$\[0\]\.b: .+/);
  });
});
