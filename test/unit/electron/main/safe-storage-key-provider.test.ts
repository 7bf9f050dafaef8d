import { describe, expect, it } from 'vitest';
import { createSafeStorageKeyProvider } from '../../../../electron/main/safe-storage-key-provider';
import { KeyProviderError } from '../../../../src/host/keys/key-provider';

/** A stand-in for the OS keystore: reversible, keyed, and unable to open what it did not seal. */
function fakeSafeStorage(backend?: string, available = true) {
  const mark = 'sealed-by-os:';
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: backend === undefined ? undefined : () => backend as never,
    encryptString: (text: string) => Buffer.from(mark + Buffer.from(text).toString('hex')),
    decryptString: (sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith(mark))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage');
      return Buffer.from(text.slice(mark.length), 'hex').toString();
    },
  };
}

describe('the safeStorage key provider', () => {
  it('seals and unseals arbitrary bytes through the OS keystore', async () => {
    const choice = createSafeStorageKeyProvider(fakeSafeStorage('gnome_libsecret'));
    if (!choice.ok) throw new Error(choice.reason);
    expect(choice.provider.kind).toBe('electron-safe-storage');
    const secret = new Uint8Array([0, 255, 1, 128, 10, 13, 0]);
    const sealed = await choice.provider.seal(secret);
    expect(Buffer.from(sealed).includes(Buffer.from(secret))).toBe(false);
    expect(await choice.provider.unseal(sealed)).toEqual(secret);
  });

  it('refuses a blob it did not seal with a KeyProviderError', async () => {
    const choice = createSafeStorageKeyProvider(fakeSafeStorage());
    if (!choice.ok) throw new Error(choice.reason);
    await expect(choice.provider.unseal(new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(KeyProviderError);
  });

  it('is not used when the OS has no real keystore, and says why', () => {
    expect(createSafeStorageKeyProvider(fakeSafeStorage('basic_text'))).toEqual({
      ok: false,
      reason: expect.stringContaining('basic_text'),
    });
    expect(createSafeStorageKeyProvider(fakeSafeStorage(undefined, false))).toEqual({
      ok: false,
      reason: expect.stringContaining('no encryption'),
    });
  });
});
