import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOverrides } from '../../../scripts/mirror-overrides';

const TABLE = 'test/mirror-overrides.json';

/** A repository in a temp folder with the given files (empty) and override table. */
function repo(files: string[], table: unknown): string {
  const root = mkdtempSync(join(tmpdir(), 'lbt-mirror-'));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  mkdirSync(join(root, 'test'), { recursive: true });
  writeFileSync(join(root, TABLE), typeof table === 'string' ? table : JSON.stringify(table));
  return root;
}

const why = 'the reason it is placed here';

describe('the mirror override table', () => {
  it('maps a test to the folder of its source file, keeping or changing its name', () => {
    const root = repo(['test/unit/a/x.test.ts', 'test/unit/b/x.test.ts', 'src/host/keys/journal-key.ts'], {
      mirror: [
        { test: 'test/unit/a/x.test.ts', source: 'src/host/keys/journal-key.ts', why },
        { test: 'test/unit/b/x.test.ts', source: 'src/host/keys/journal-key.ts', name: 'y.test.ts', why },
      ],
      stay: [],
    });
    const table = readOverrides(root, TABLE);
    expect(table.mirror.get('test/unit/a/x.test.ts')).toEqual({
      source: 'src/host/keys/journal-key.ts',
      target: 'test/unit/src/host/keys/x.test.ts',
      why,
    });
    expect(table.mirror.get('test/unit/b/x.test.ts')?.target).toBe('test/unit/src/host/keys/y.test.ts');
  });

  it('refuses a missing test, a missing source file and a test listed twice, naming each', () => {
    const root = repo(['test/unit/a/x.test.ts', 'src/a.ts'], {
      mirror: [
        { test: 'test/unit/a/gone.test.ts', source: 'src/a.ts', why },
        { test: 'test/unit/a/x.test.ts', source: 'src/missing.ts', why },
      ],
      stay: [{ test: 'test/unit/a/x.test.ts', why }],
    });
    expect(() => readOverrides(root, TABLE)).toThrow(
      /gone\.test\.ts does not exist[\s\S]*source src\/missing\.ts does not exist[\s\S]*x\.test\.ts is listed twice/,
    );
  });

  it('accepts an entry whose test has already moved to its target, so a second run is quiet', () => {
    const root = repo(['test/unit/src/a/x.test.ts', 'src/a/b.ts'], {
      mirror: [{ test: 'test/unit/old/x.test.ts', source: 'src/a/b.ts', why }],
      stay: [],
    });
    expect(readOverrides(root, TABLE).mirror.get('test/unit/old/x.test.ts')?.target).toBe(
      'test/unit/src/a/x.test.ts',
    );
  });

  it('refuses a table that is not JSON or has an entry without a reason, naming the file and field', () => {
    expect(() => readOverrides(repo([], '{ "mirror": [ }'), TABLE)).toThrow(
      /mirror-overrides\.json is not JSON/,
    );
    const root = repo(['test/unit/a/x.test.ts'], { mirror: [], stay: [{ test: 'test/unit/a/x.test.ts' }] });
    expect(() => readOverrides(root, TABLE)).toThrow(/mirror-overrides\.json: .*\$\.stay\[0\]\.why/);
  });

  it('reads a repository without a table as no overrides', () => {
    const root = mkdtempSync(join(tmpdir(), 'lbt-mirror-'));
    expect(readOverrides(root, TABLE)).toEqual({ mirror: new Map(), stay: new Map() });
  });
});
