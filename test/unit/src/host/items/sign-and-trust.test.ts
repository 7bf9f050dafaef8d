import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Manifest } from '../../../../../src/shared/items/manifest';
import {
  devPublisherKeyFile,
  readPublisherKeyPair,
  signPackage,
  SignError,
} from '../../../../../src/host/items/sign';
import { defaultTrustedPublishersFile, readTrustPolicy } from '../../../../../src/host/items/trust';
import { makeMiniPackage, newKeyPair, writePackageFile } from '../../../items/mini-package';

describe('signing', () => {
  it('writes a stable manifest: sorted paths, two-space JSON, same bytes when nothing changed', () => {
    const mini = makeMiniPackage();
    const first = readFileSync(join(mini.dir, 'manifest.json'));
    const manifest = Manifest.parse(JSON.parse(first.toString('utf8')));
    const paths = Object.keys(manifest.files);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('test-definition.json');
    expect(paths.every((path) => !path.startsWith('manifest'))).toBe(true);
    expect(first.toString('utf8')).toMatch(/^\{\n {2}"schema": "lbt\.manifest\/1",[\s\S]*\}\n$/);
    signPackage(mini.dir, mini.pair);
    expect(readFileSync(join(mini.dir, 'manifest.json'))).toEqual(first);
    // Ed25519 is deterministic: the same manifest and key give the same signature.
    const sig = readFileSync(join(mini.dir, 'manifest.sig'), 'utf8');
    signPackage(mini.dir, mini.pair);
    expect(readFileSync(join(mini.dir, 'manifest.sig'), 'utf8')).toBe(sig);
  });

  it('refuses a file name that could never be a package path', () => {
    const mini = makeMiniPackage();
    writePackageFile(mini.dir, 'assets/Big Ball.svg', '<svg/>');
    expect(() => signPackage(mini.dir, mini.pair)).toThrow(
      /assets\/Big Ball\.svg: \$: not a valid package file name/,
    );
  });

  it('refuses a key file whose parts do not belong together', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lbt-keys-'));
    const a = newKeyPair();
    const b = newKeyPair();
    writeFileSync(join(dir, 'mixed.json'), JSON.stringify({ ...a, privateKey: b.privateKey }));
    expect(() => readPublisherKeyPair(join(dir, 'mixed.json'))).toThrow(SignError);
    expect(() => readPublisherKeyPair(join(dir, 'mixed.json'))).toThrow(/do not belong together/);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...a, privateKey: 42 }));
    expect(() => readPublisherKeyPair(join(dir, 'bad.json'))).toThrow(/\$\.privateKey/);
  });
});

describe('the committed development key', () => {
  it('is a consistent pair, says it is for development only, and is trusted only as a development key', () => {
    expect(devPublisherKeyFile).toMatch(/DEVELOPMENT-ONLY\.json$/);
    const pair = readPublisherKeyPair(devPublisherKeyFile);
    expect(pair.development).toBe(true);
    expect(pair.warning).toMatch(/DEVELOPMENT ONLY/);
    expect(pair.warning).toMatch(/[Pp]roduction builds never trust it/);
    const policy = readTrustPolicy(defaultTrustedPublishersFile, false);
    expect(policy.publisherKeys).toEqual([
      { keyId: pair.keyId, publicKey: pair.publicKey, name: pair.name, development: true },
    ]);
  });
});

describe('trusted publishers file', () => {
  it('refuses an entry whose keyId is not that of its key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lbt-trust-'));
    const a = newKeyPair();
    const b = newKeyPair();
    const file = join(dir, 'trusted.json');
    writeFileSync(
      file,
      JSON.stringify({
        schema: 'lbt.trusted-publishers/1',
        publisherKeys: [{ keyId: a.keyId, publicKey: b.publicKey, name: 'posing', development: false }],
      }),
    );
    expect(() => readTrustPolicy(file, true)).toThrow(
      /\$\.publisherKeys\[0\]: keyId does not match the public key/,
    );
    expect(() => readTrustPolicy(join(dir, 'none.json'), true)).toThrow(/not found/);
  });
});
