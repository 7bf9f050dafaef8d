import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lbtInProcess as lbt } from '../../../../support/lbt-in-process';
import { makeMiniPackage, miniItems, newKeyPair, writePackageFile } from '../../../items/mini-package';

const LBT = resolve(__dirname, '../../../../../bin/lbt.mjs');

/** Runs the real `lbt` command as a child process (the first test); the others run it in-process. */
function lbtProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [LBT, ...args],
      { cwd: resolve(__dirname, '../../../../..') },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A mini package signed by the committed development key through `lbt items sign`. */
async function devSigned() {
  const mini = makeMiniPackage();
  const signed = await lbt('items', 'sign', mini.dir);
  expect(signed.code, signed.stderr).toBe(0);
  expect(signed.stdout).toMatch(/DEVELOPMENT key/);
  return mini.dir;
}

describe('lbt items verify / sign', () => {
  it('verifies a dev-signed package: counts per family, practice, languages, id, version and hash', async () => {
    const dir = await devSigned();
    const result = await lbtProcess('items', 'verify', dir);
    expect(result.code, result.stderr).toBe(0);
    const hash = createHash('sha256')
      .update(readFileSync(join(dir, 'manifest.json')))
      .digest('hex');
    expect(result.stdout).toContain(`hash:      ${hash}`);
    expect(result.stdout).toContain('mini-test 1.2.3');
    expect(result.stdout).toMatch(/items: +2 scored in 2 families/);
    expect(result.stdout).toMatch(/woorden-leren +1\n +zinnen-bouwen +1/);
    expect(result.stdout).toMatch(/practice: +3/);
    expect(result.stdout).toMatch(/languages: +1 \(nl\)/);
    expect(result.stdout).toContain('LBT Kiosk development publisher');
  });

  it('refuses the development key the way a production kiosk would', async () => {
    const dir = await devSigned();
    const result = await lbt('items', 'verify', dir, '--production');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^manifest\.sig: \$\.keyId: signed by the development key .* does not trust/m,
    );
  });

  it('names a changed file, a malformed item with its JSON path, and an extra file', async () => {
    const dir = await devSigned();
    const svg = join(dir, 'assets/fish.svg');
    writeFileSync(svg, readFileSync(svg, 'utf8').replace('r="4"', 'r="5"'));
    writePackageFile(dir, 'bank/zinnen-bouwen/zb-01.json', { ...miniItems[1], difficulty: 'hard' });
    writePackageFile(dir, 'audio/extra.wav', 'RIFF');
    const result = await lbt('items', 'verify', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^assets\/fish\.svg: \$: changed: its sha256 is [0-9a-f]{64}, manifest\.json expects/m,
    );
    expect(result.stderr).toMatch(/^bank\/zinnen-bouwen\/zb-01\.json: \$: changed/m);
    expect(result.stderr).toMatch(/^bank\/zinnen-bouwen\/zb-01\.json: \$\.difficulty: .*number/m);
    expect(result.stderr).toMatch(/^audio\/extra\.wav: \$: extra file: not listed in manifest\.json/m);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses an unsigned package and one signed by a foreign key', async () => {
    const dir = await devSigned();
    rmSync(join(dir, 'manifest.sig'));
    const unsigned = await lbt('items', 'verify', dir);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(/^manifest\.sig: \$: unsigned package: manifest\.sig is missing/m);

    const keyFile = join(dir, '..', `foreign-${Date.now()}.json`);
    writeFileSync(keyFile, JSON.stringify(newKeyPair('foreign publisher')));
    const signed = await lbt('items', 'sign', dir, '--key', keyFile);
    expect(signed.code, signed.stderr).toBe(0);
    const foreign = await lbt('items', 'verify', dir);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(
      /^manifest\.sig: \$\.keyId: signed by an unknown publisher key [0-9a-f]{64}/m,
    );

    // The same package verifies against a trust file that lists the foreign key.
    const trustFile = join(dir, '..', `trust-${Date.now()}.json`);
    const pair = JSON.parse(readFileSync(keyFile, 'utf8')) as { keyId: string; publicKey: string };
    writeFileSync(
      trustFile,
      JSON.stringify({
        schema: 'lbt.trusted-publishers/1',
        publisherKeys: [
          { keyId: pair.keyId, publicKey: pair.publicKey, name: 'foreign publisher', development: false },
        ],
      }),
    );
    const trusted = await lbt('items', 'verify', dir, '--trust', trustFile, '--production');
    expect(trusted.code, trusted.stderr).toBe(0);
  });

  it('reports malformed JSON with its position, bad arguments and a missing key file clearly', async () => {
    const dir = await devSigned();
    writePackageFile(dir, 'instructions/nl.json', '{ "schema": "lbt.instructions/1",, }');
    const broken = await lbt('items', 'verify', dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^instructions\/nl\.json: \$: malformed JSON at line 1, column 34/m);
    const missingKey = await lbt('items', 'sign', dir, '--key', join(dir, 'no-such-key.json'));
    expect(missingKey.code).toBe(1);
    expect(missingKey.stderr).toMatch(/key file not found/);
    const badOption = await lbt('items', 'verify', dir, '--frobnicate');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/Unknown option '--frobnicate'[\s\S]*Usage: lbt items verify/);
    const nowhere = await lbt('items', 'verify', join(dir, 'nowhere'));
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/does not exist/);
  });
});
