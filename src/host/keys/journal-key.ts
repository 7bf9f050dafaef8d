import { createHmac, hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import type { KeyProvider } from './key-provider';
import { loadOrCreateSealedSecret } from './sealed-secret';

export const JOURNAL_KEY_FILE = join('keys', 'journal.key');

/** The per-session key material a journal file is written and read with. */
export interface SessionKey {
  /** AES-256-GCM key for this session's records. */
  readonly key: Buffer;
  /** Stored in the journal header so a wrong key is told apart from corruption before any record is read. */
  readonly keyCheck: Buffer;
  /** HMAC key of the head anchor (docs/JOURNAL.md), separate from the record key so neither can stand in for the other. */
  readonly anchorKey: Buffer;
}

/**
 * The device's journal secret. Each session gets its own AES key by HKDF (salt = session id), so records
 * can never be moved between journals and no single key encrypts more than one sitting.
 */
export class JournalKey {
  private constructor(private readonly secret: Buffer) {}

  static fromSecret(secret: Uint8Array): JournalKey {
    if (secret.length !== 32) throw new RangeError('a journal secret is 32 bytes');
    return new JournalKey(Buffer.from(secret));
  }

  forSession(sessionId: string): SessionKey {
    const key = Buffer.from(
      hkdfSync('sha256', this.secret, Buffer.from(sessionId, 'utf8'), 'lbt.journal/1 record key', 32),
    );
    const keyCheck = createHmac('sha256', key).update('lbt.journal/1 key check').digest().subarray(0, 16);
    const anchorKey = Buffer.from(
      hkdfSync('sha256', this.secret, Buffer.from(sessionId, 'utf8'), 'lbt.journal/1 anchor key', 32),
    );
    return { key, keyCheck, anchorKey };
  }
}

/** Loads (or on first run creates) `<dataDir>/keys/journal.key`, sealed by `provider`. */
export async function loadJournalKey(dataDir: string, provider: KeyProvider): Promise<JournalKey> {
  const secret = await loadOrCreateSealedSecret({
    file: join(dataDir, JOURNAL_KEY_FILE),
    purpose: 'journal',
    length: 32,
    provider,
  });
  return JournalKey.fromSecret(secret);
}
