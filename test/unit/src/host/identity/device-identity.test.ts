import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_IDENTITY_FILE, IdentityError, loadDeviceIdentity } from '../../../../../src/host/identity';
import { FileKeyProvider, MASTER_KEY_FILE } from '../../../../../src/host/keys';
import { publicKeyFromRaw, signJson, verifyJson } from '../../../../../src/host/signing';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbt-identity-'));
  dirs.push(dir);
  return dir;
};
/** A "restart": new provider and identity instances on the same data dir. */
const boot = async (dataDir: string) => loadDeviceIdentity(dataDir, await FileKeyProvider.open(dataDir));

describe('device identity', () => {
  it('is made on first run with an id derived from the public key, and kept owner-only', async () => {
    const dataDir = newDir();
    const identity = await boot(dataDir);
    const raw = Buffer.from(identity.publicKeyBase64, 'base64');
    const digest = createHash('sha256').update(raw).digest('hex');
    expect(identity.deviceId).toBe(`lbt-dev-${digest.slice(0, 16)}`);
    expect(identity.keyId).toBe(digest);
    const file = join(dataDir, DEVICE_IDENTITY_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored).toMatchObject({
      schema: 'lbt.device-identity/1',
      deviceId: identity.deviceId,
      provider: 'file',
    });
    // The private key is on disk only sealed: its PKCS#8 prefix for Ed25519 never appears in the clear.
    expect(readFileSync(file, 'utf8')).not.toContain('MC4CAQAwBQYDK2VwBCIEI');
  });

  it('is the same after restarts, and a signature made before verifies after', async () => {
    const dataDir = newDir();
    const first = await boot(dataDir);
    const envelope = signJson({ schema: 'test/1', n: 1 }, first);
    const fileBefore = readFileSync(join(dataDir, DEVICE_IDENTITY_FILE));
    for (let restart = 0; restart < 3; restart++) {
      const again = await boot(dataDir);
      expect(again.deviceId).toBe(first.deviceId);
      expect(again.keyId).toBe(first.keyId);
      expect(verifyJson(envelope, again.publicKey)).toEqual({ ok: true });
      expect(verifyJson(signJson({ r: restart }, again), first.publicKey)).toEqual({ ok: true });
    }
    expect(readFileSync(join(dataDir, DEVICE_IDENTITY_FILE)).equals(fileBefore)).toBe(true);
    expect(verifyJson(envelope, publicKeyFromRaw(Buffer.from(first.publicKeyBase64, 'base64')))).toEqual({
      ok: true,
    });
  });

  it('differs between devices, and two racing first runs agree on one', async () => {
    const [a, b] = await Promise.all([boot(newDir()), boot(newDir())]);
    expect(a.deviceId).not.toBe(b.deviceId);
    const shared = newDir();
    await FileKeyProvider.open(shared);
    const [c, d] = await Promise.all([boot(shared), boot(shared)]);
    expect(c.deviceId).toBe(d.deviceId);
  });

  it('refuses a corrupt identity file with a clear error and never replaces it', async () => {
    const dataDir = newDir();
    await boot(dataDir);
    const file = join(dataDir, DEVICE_IDENTITY_FILE);
    const good = readFileSync(file, 'utf8');
    const stored = JSON.parse(good);
    const otherDir = newDir();
    await boot(otherDir);
    const other = JSON.parse(readFileSync(join(otherDir, DEVICE_IDENTITY_FILE), 'utf8'));
    const cases: [string, string, string][] = [
      ['truncated', good.slice(0, 40), 'identity-corrupt'],
      ['not the schema', JSON.stringify({ ...stored, deviceId: 'someone' }), 'identity-corrupt'],
      [
        'edited device id',
        JSON.stringify({ ...stored, deviceId: 'lbt-dev-0000000000000000' }),
        'identity-mismatch',
      ],
      ['another public key', JSON.stringify({ ...stored, publicKey: other.publicKey }), 'identity-mismatch'],
      [
        'another sealed key',
        JSON.stringify({ ...stored, sealedPrivateKey: other.sealedPrivateKey }),
        'identity-unsealable',
      ],
    ];
    for (const [label, text, code] of cases) {
      writeFileSync(file, text);
      const error = await boot(dataDir).catch((e: unknown) => e);
      expect(error, label).toBeInstanceOf(IdentityError);
      expect(error, label).toMatchObject({ code, file });
      expect((error as Error).message, label).toContain(file);
      expect(readFileSync(file, 'utf8'), label).toBe(text);
    }
  });

  it('cannot be opened once the master key is replaced', async () => {
    const dataDir = newDir();
    await boot(dataDir);
    writeFileSync(join(dataDir, MASTER_KEY_FILE), Buffer.alloc(32, 5), { mode: 0o600 });
    await expect(boot(dataDir)).rejects.toMatchObject({ name: 'IdentityError', code: 'identity-unsealable' });
  });
});
