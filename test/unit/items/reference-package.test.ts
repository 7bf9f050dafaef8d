/**
 * The reference package in items/ as committed: signed by the development key, complete and consistent.
 * Fails when content changes without `lbt items sign items` — on purpose.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/shared/items/problem';
import { loadPackage } from '../../../src/host/items/loader';
import { PackageStore } from '../../../src/host/items/package-store';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../../src/host/items/trust';

const ITEMS = resolve(__dirname, '../../../items');

describe('the reference package in items/', () => {
  it('loads with development keys allowed: 40 items in 5 families of 8, practice, 9 languages', () => {
    const result = loadPackage(ITEMS, readTrustPolicy(defaultTrustedPublishersFile, true));
    if (!result.ok) expect.fail(result.problems.map(formatProblem).join('\n'));
    const pkg = result.package;
    expect(pkg.items.size).toBe(40);
    const perFamily = new Map<string, number>();
    for (const item of pkg.items.values()) perFamily.set(item.family, (perFamily.get(item.family) ?? 0) + 1);
    expect([...perFamily.values()]).toEqual([8, 8, 8, 8, 8]);
    expect(pkg.practice.size).toBeGreaterThanOrEqual(3);
    expect(new Set([...pkg.practice.values()].map((item) => item.skill))).toEqual(
      new Set(['tap', 'drag', 'listen']),
    );
    expect([...pkg.instructions.keys()].sort()).toEqual([
      'ar',
      'en',
      'fa',
      'nl',
      'ps',
      'so',
      'ti',
      'tr',
      'uk',
    ]);
  });

  it('is refused where development keys are not trusted (a packaged production build)', () => {
    const result = loadPackage(ITEMS, readTrustPolicy(defaultTrustedPublishersFile, false));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map(formatProblem)).toEqual([
        expect.stringMatching(/^manifest\.sig: \$\.keyId: signed by the development key/),
      ]);
  });

  it('a store whose trust file cannot be read holds no package and says why', () => {
    const store = PackageStore.open({
      dir: ITEMS,
      trustFile: join(ITEMS, 'no-such-trust.json'),
      allowDevelopmentKeys: true,
    });
    expect(store.packageId()).toBeNull();
    expect(store.file('test-definition.json')).toBeNull();
    expect(() => store.view()).toThrow(/no-such-trust\.json: \$: trusted publishers file not found/);
    expect(store.summary()).toMatch(/REFUSED \(1 problem\(s\)\)/);
  });
});
