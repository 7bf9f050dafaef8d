/**
 * Seals small secrets (the journal key, the device's private key) for storage on disk.
 *
 * Two implementations: `FileKeyProvider` (the Chromium host: a random key in a 0600 file) and, in the Electron
 * shell, one backed by `safeStorage` (OS keychain / DPAPI / libsecret), written under electron/. Both are
 * async and byte-oriented so either can stand behind the same callers; see docs/JOURNAL.md, "Key provider".
 */
export interface KeyProvider {
  /** Recorded beside every sealed blob, so a blob is never handed to a provider that cannot open it. */
  readonly kind: string;
  seal(plain: Uint8Array): Promise<Uint8Array>;
  /** Throws `KeyProviderError` ('unseal-failed') when the blob was not sealed by this provider's key. */
  unseal(sealed: Uint8Array): Promise<Uint8Array>;
}

export type KeyProviderErrorCode =
  | 'key-file-permissions'
  | 'key-file-length'
  | 'key-file-not-a-file'
  | 'sealed-malformed'
  | 'unseal-failed'
  | 'provider-mismatch'
  | 'sealed-file-invalid';

export class KeyProviderError extends Error {
  override readonly name = 'KeyProviderError';
  constructor(
    readonly code: KeyProviderErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}
