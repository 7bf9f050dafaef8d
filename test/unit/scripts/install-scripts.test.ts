import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations (it runs before node_modules exists)
import { installScriptProblem, unlistedInstallScripts } from '../../../scripts/install-scripts.mjs';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A checkout with the given lockfile entries, installed packages and allowScripts. */
function checkout(options: {
  lock: Record<string, { hasInstallScript?: boolean }>;
  installed?: Record<string, Record<string, string>>;
  allowScripts: Record<string, boolean>;
}): string {
  const root = mkdtempSync(join(tmpdir(), 'lbt-install-scripts-'));
  made.push(root);
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'x', allowScripts: options.allowScripts }),
  );
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ packages: { '': {}, ...options.lock } }));
  for (const [path, scripts] of Object.entries(options.installed ?? {})) {
    mkdirSync(join(root, path), { recursive: true });
    writeFileSync(join(root, path, 'package.json'), JSON.stringify({ name: path, scripts }));
  }
  return root;
}

describe('install scripts must be listed in allowScripts', () => {
  it('passes when every package with an install script is listed, allowed or not', () => {
    const root = checkout({
      lock: {
        'node_modules/esbuild': { hasInstallScript: true },
        'node_modules/es5-ext': { hasInstallScript: true },
      },
      allowScripts: { esbuild: true, 'es5-ext': false },
    });
    expect(installScriptProblem(root)).toBeNull();
  });

  it('names an unlisted one from the lockfile, a scoped or nested one, and one the lockfile hides', () => {
    const root = checkout({
      lock: {
        'node_modules/esbuild': { hasInstallScript: true },
        'node_modules/evil': { hasInstallScript: true },
        'node_modules/a/node_modules/@scope/nested': { hasInstallScript: true },
        'node_modules/quiet': {},
        'node_modules/plain': {},
      },
      installed: {
        'node_modules/quiet': { postinstall: 'node steal.js' },
        'node_modules/plain': { test: 'x' },
      },
      allowScripts: { esbuild: true },
    });
    expect(unlistedInstallScripts(root)).toEqual(['@scope/nested', 'evil', 'quiet']);
    expect(installScriptProblem(root)).toMatch(
      /install scripts that package\.json "allowScripts" does not list: @scope\/nested, evil, quiet\./,
    );
  });

  it('holds for this repository', () => {
    expect(installScriptProblem(join(import.meta.dirname, '../../..'))).toBeNull();
  });
});
