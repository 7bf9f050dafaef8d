import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyProvider, KeyProviderError, MASTER_KEY_FILE } from '../../../../../src/host/keys';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbt-keys-'));
  dirs.push(dir);
  return dir;
};
const posix = process.platform !== 'win32';

describe('FileKeyProvider', () => {
  it('creates a 32-byte owner-only key on first run and uses the same key after a restart', async () => {
    const dataDir = newDir();
    const first = await FileKeyProvider.open(dataDir);
    const keyFile = join(dataDir, MASTER_KEY_FILE);
    expect(statSync(keyFile).size).toBe(32);
    if (posix) {
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'keys')).mode & 0o777).toBe(0o700);
    }
    const sealed = await first.seal(Buffer.from('geheim'));
    expect(Buffer.from(sealed).includes(Buffer.from('geheim'))).toBe(false);
    const before = readFileSync(keyFile);

    const second = await FileKeyProvider.open(dataDir);
    expect(Buffer.from(await second.unseal(sealed)).toString()).toBe('geheim');
    expect(readFileSync(keyFile).equals(before)).toBe(true);
  });

  it('gives two racing first runs one and the same key', async () => {
    const dataDir = newDir();
    const [a, b] = await Promise.all([FileKeyProvider.open(dataDir), FileKeyProvider.open(dataDir)]);
    expect(Buffer.from(await b.unseal(await a.seal(Buffer.from('x')))).toString()).toBe('x');
  });

  it.skipIf(!posix)('refuses a key file others can read, naming the mode and the fix', async () => {
    const dataDir = newDir();
    await FileKeyProvider.open(dataDir);
    const keyFile = join(dataDir, MASTER_KEY_FILE);
    for (const mode of [0o644, 0o640, 0o604, 0o660]) {
      chmodSync(keyFile, mode);
      const error = await FileKeyProvider.open(dataDir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeyProviderError);
      expect(error).toMatchObject({ code: 'key-file-permissions', file: keyFile });
      expect((error as Error).message).toContain(`0${mode.toString(8)}`);
      expect((error as Error).message).toContain(`chmod 600 ${keyFile}`);
    }
    chmodSync(keyFile, 0o600);
    await expect(FileKeyProvider.open(dataDir)).resolves.toBeInstanceOf(FileKeyProvider);
  });

  it('refuses a key file of the wrong length, and never replaces it', async () => {
    const dataDir = newDir();
    mkdirSync(join(dataDir, 'keys'));
    const keyFile = join(dataDir, MASTER_KEY_FILE);
    for (const length of [0, 31, 33, 64]) {
      writeFileSync(keyFile, Buffer.alloc(length, 7), { mode: 0o600 });
      await expect(FileKeyProvider.open(dataDir)).rejects.toMatchObject({ code: 'key-file-length' });
      expect(readFileSync(keyFile).length).toBe(length);
    }
  });

  it('refuses a directory or a symlink where the key file should be', async () => {
    const dataDir = newDir();
    mkdirSync(join(dataDir, 'keys', 'master.key'), { recursive: true });
    await expect(FileKeyProvider.open(dataDir)).rejects.toMatchObject({ code: 'key-file-not-a-file' });
    if (!posix) return;
    const elsewhere = newDir();
    writeFileSync(join(elsewhere, 'key'), Buffer.alloc(32, 1), { mode: 0o600 });
    rmSync(join(dataDir, 'keys', 'master.key'), { recursive: true });
    symlinkSync(join(elsewhere, 'key'), join(dataDir, 'keys', 'master.key'));
    await expect(FileKeyProvider.open(dataDir)).rejects.toMatchObject({
      code: 'key-file-not-a-file',
      message: expect.stringContaining('symbolic link'),
    });
  });

  it('cannot unseal with another device key or after tampering, and says why', async () => {
    const a = await FileKeyProvider.open(newDir());
    const b = await FileKeyProvider.open(newDir());
    const sealed = Buffer.from(await a.seal(Buffer.from('geheim')));
    await expect(b.unseal(sealed)).rejects.toMatchObject({ code: 'unseal-failed' });
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    await expect(a.unseal(tampered)).rejects.toMatchObject({ code: 'unseal-failed' });
    await expect(a.unseal(Buffer.from([9, 1, 2]))).rejects.toMatchObject({ code: 'sealed-malformed' });
  });
});
