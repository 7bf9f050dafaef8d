export { ensurePrivateDir, fsyncDir, writeFileDurably } from './durable-fs';
export { FileKeyProvider, MASTER_KEY_FILE } from './file-key-provider';
export { JOURNAL_KEY_FILE, JournalKey, loadJournalKey, type SessionKey } from './journal-key';
export { KeyProviderError, type KeyProvider, type KeyProviderErrorCode } from './key-provider';
export { loadOrCreateSealedSecret } from './sealed-secret';
