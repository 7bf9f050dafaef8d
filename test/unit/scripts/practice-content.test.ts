import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPackage } from '../../../src/host/items/loader';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../../src/host/items/trust';
import { PRACTICE_BUDGET_BYTES, PracticeContent } from '../../../src/shared/practice/content';
import { practiceContentFor, writePracticeContent } from '../../../scripts/practice-content';
import { PACKAGE } from '../../support/items-content-package-files';

const loaded = loadPackage(PACKAGE, readTrustPolicy(defaultTrustedPublishersFile, true));
if (!loaded.ok) throw new Error('the reference package must load');
const pkg = loaded.package;
const out = mkdtempSync(join(tmpdir(), 'lbt-practice-content-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Package files that only scored items use: none of them may reach the practice app. */
function scoredOnlyFiles(): Set<string> {
  const practiceText = JSON.stringify([...pkg.practice.values()]);
  const scored = new Set<string>();
  for (const item of pkg.items.values()) {
    for (const match of JSON.stringify(item).matchAll(/"((?:assets|audio)\/[^"]+)"/g)) {
      if (!practiceText.includes(`"${match[1]}"`)) scored.add(match[1]!);
    }
  }
  return scored;
}

describe('the practice app content', () => {
  it('holds the practice items and one language, never a scored item or its id', () => {
    const content = practiceContentFor(pkg, 'ar');
    expect(PracticeContent.parse(content).instructions.language).toBe('ar');
    expect(content.practice.map((p) => p.id)).toEqual(pkg.definition.practice);
    const text = JSON.stringify(content);
    for (const id of pkg.items.keys()) expect(text).not.toContain(`"${id}"`);
  });

  it('writes no scored item file and stays within 5 MB per language', () => {
    // What Vite leaves: the page and the worker with its build placeholder.
    writeFileSync(join(out, 'index.html'), '<!doctype html>');
    writeFileSync(join(out, 'sw.js'), "const BUILD = 'lbt-practice-build';");
    const lists = writePracticeContent(pkg, out);
    expect(readFileSync(join(out, 'sw.js'), 'utf8')).toMatch(/const BUILD = 'build-[0-9a-f]{16}';/);
    const written = readdirSync(join(out, 'content'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(join(out, 'content', 'files'), join(e.parentPath, e.name)));
    const scored = scoredOnlyFiles();
    expect(scored.size).toBeGreaterThan(0);
    expect(written.filter((path) => scored.has(path) || path.startsWith('bank/'))).toEqual([]);
    expect(lists.map((l) => l.language)).toEqual(pkg.definition.languages);
    for (const list of lists) {
      expect(list.files).not.toContain('sw.js');
      const measured = list.files.reduce(
        (sum, path) => sum + statSync(join(out, path === './' ? 'index.html' : path)).size,
        0,
      );
      expect(list.bytes).toBe(measured);
      expect(list.bytes).toBeLessThanOrEqual(PRACTICE_BUDGET_BYTES);
    }
  });
});
