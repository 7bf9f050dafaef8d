/**
 * The cached roster at rest. The roster carries every afnemer's PIN verifier, and a 5 or 6 digit PIN falls to
 * offline guessing in minutes, so the kiosk keeps it only sealed: AES-256-GCM under a random roster key that is
 * itself sealed by the kiosk's key provider (`keys/roster.key`, like the journal key). Whoever copies the disk
 * gets ciphertext; the key provider (OS keystore, or the master key file in the Chromium shell) guards the key.
 * Authenticity is not this file's job: the unsealed roster is still verified with the pinned server key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { SEALED_ROSTER_SCHEMA, SealedRosterFile } from '../../shared/results-service';
import { fsyncDir, writeFileDurably, type DurableWriteOutcome } from '../keys/durable-fs';
import type { KeyProvider } from '../keys/key-provider';
import { loadOrCreateSealedSecret } from '../keys/sealed-secret';
import { secureRemove } from '../outbox/secure-remove';
import { formatIssues, parseStrictJson } from '../../shared/json';

export const SEALED_ROSTER_FILE = 'roster.sealed';
/** Where kiosks before the sealed cache kept the roster in plain JSON; read once, then sealed and removed. */
export const LEGACY_ROSTER_FILE = 'roster.json';
export const ROSTER_KEY_FILE = join('keys', 'roster.key');

const KEY_LENGTH = 32;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
/** Binds the ciphertext to this format: bytes sealed for anything else never decrypt as a roster. */
const AAD = Buffer.from(SEALED_ROSTER_SCHEMA, 'utf8');

/** The roster key, loaded on first use. Throws what the key provider throws (KeyProviderError). */
export type RosterKey = () => Promise<Buffer>;

/**
 * The roster key in `<dataDir>/keys/roster.key`, sealed by `provider`, created on first use. It is loaded once
 * and kept in memory; a failed load is tried again next time (the keystore may have been locked).
 */
export function rosterKeyFrom(dataDir: string, provider: KeyProvider): RosterKey {
  let loading: Promise<Buffer> | null = null;
  return () => {
    loading ??= loadOrCreateSealedSecret({
      file: join(dataDir, ROSTER_KEY_FILE),
      purpose: 'roster',
      length: KEY_LENGTH,
      provider,
    }).catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/** The file's bytes for a signed roster envelope: a fresh IV every time, so no two writes share one. */
export function sealRoster(envelope: unknown, key: Buffer): Buffer {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(envelope), 'utf8'), cipher.final()]);
  const file: SealedRosterFile = {
    schema: SEALED_ROSTER_SCHEMA,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
  return Buffer.from(JSON.stringify(file) + '\n');
}

export type Unsealed = { ok: true; envelope: unknown } | { ok: false; detail: string };

/** The envelope inside a sealed roster file's text; never throws (what is wrong goes to `detail`). */
export function unsealRoster(text: string, key: Buffer): Unsealed {
  let json: unknown;
  try {
    json = parseStrictJson(text);
  } catch (error) {
    return { ok: false, detail: `not JSON: ${(error as Error).message}` };
  }
  const parsed = SealedRosterFile.safeParse(json);
  if (!parsed.success) {
    return { ok: false, detail: `not a sealed roster: ${formatIssues(parsed.error)}` };
  }
  const iv = Buffer.from(parsed.data.iv, 'base64');
  const tag = Buffer.from(parsed.data.tag, 'base64');
  if (iv.length !== IV_LENGTH || tag.length !== TAG_LENGTH) {
    return { ok: false, detail: 'the sealed roster has an IV or tag of the wrong length' };
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(Buffer.from(parsed.data.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return { ok: false, detail: 'cannot unseal: it was sealed with another roster key, or it was altered' };
  }
  try {
    return { ok: true, envelope: parseStrictJson(plain.toString('utf8')) };
  } catch (error) {
    return { ok: false, detail: `the unsealed roster is not JSON: ${(error as Error).message}` };
  }
}

/** Seals and writes the roster durably (fsync, rename or, with `exclusive`, only if none is there yet). */
export function writeSealedRoster(
  dataDir: string,
  key: Buffer,
  envelope: unknown,
  options: { exclusive: boolean },
): Promise<DurableWriteOutcome> {
  return writeFileDurably(join(dataDir, SEALED_ROSTER_FILE), sealRoster(envelope, key), {
    mode: 0o600,
    exclusive: options.exclusive,
  });
}

/** Removes a plain roster.json for good: overwritten with zeros, unlinked, directory fsynced. */
export async function removeLegacyRoster(dataDir: string): Promise<void> {
  const file = join(dataDir, LEGACY_ROSTER_FILE);
  try {
    await secureRemove(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: a concurrent load removed it first. EACCES/EPERM: a read-only copy cannot be zeroed, but unlinked.
    if (code === 'ENOENT') return;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    await fs.rm(file, { force: true });
    await fsyncDir(dataDir);
  }
}
