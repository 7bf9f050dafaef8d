import type { SafeStorage } from 'electron';
import { KeyProviderError, type KeyProvider } from '../../src/host/keys/key-provider';

type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export type SafeStorageChoice =
  | { ok: true; provider: KeyProvider }
  /** Why the OS keystore cannot seal our keys; the caller falls back to the key file and says so. */
  | { ok: false; reason: string };

/**
 * Seals the journal key and the device key with the OS keystore (DPAPI, Keychain, libsecret/kwallet) via
 * Electron's safeStorage. Only after the app is ready. On Linux without a keyring safeStorage "encrypts"
 * with a fixed password (backend `basic_text`): that protects nothing, so it is refused here.
 */
export function createSafeStorageKeyProvider(safeStorage: SafeStorageApi): SafeStorageChoice {
  if (!safeStorage.isEncryptionAvailable()) {
    return { ok: false, reason: 'the operating system offers no encryption for safeStorage' };
  }
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (backend === 'basic_text' || backend === 'unknown') {
    return { ok: false, reason: `no keyring is available (safeStorage backend "${backend}")` };
  }
  return {
    ok: true,
    provider: {
      kind: 'electron-safe-storage',
      // safeStorage works on strings; base64 carries arbitrary bytes through unchanged.
      async seal(plain) {
        return new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64')));
      },
      async unseal(sealed) {
        try {
          return new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64'));
        } catch (error) {
          throw new KeyProviderError(
            'unseal-failed',
            `The OS keystore could not open a sealed key (${(error as Error).message}).`,
          );
        }
      },
    },
  };
}
