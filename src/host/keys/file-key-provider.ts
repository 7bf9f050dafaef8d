import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ownerOnlyProblem } from '../../shared/security/owner-only';
import { ensurePrivateDir, writeFileDurably } from './durable-fs';
import { KeyProviderError, type KeyProvider } from './key-provider';

const KEY_LENGTH = 32;
const SEALED_VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
/** Binds every sealed blob to this provider and format, so it cannot be mistaken for a journal record. */
const AAD = Buffer.from('lbt.file-key-provider/1', 'utf8');

export const MASTER_KEY_FILE = join('keys', 'master.key');

/**
 * The Chromium host's key provider: a random 32-byte key in `<dataDir>/keys/master.key` (0600). It protects
 * against a copied journal or identity file, not against someone who can read the whole data dir as this user;
 * the Electron shell's safeStorage provider adds the OS keychain for that (docs/JOURNAL.md).
 */
export class FileKeyProvider implements KeyProvider {
  readonly kind = 'file';

  private constructor(
    private readonly key: Buffer,
    readonly keyFile: string,
  ) {}

  /** Loads the key file, creating it on first run. Refuses a key file with loose permissions or a wrong length. */
  static async open(dataDir: string): Promise<FileKeyProvider> {
    const keyFile = join(dataDir, MASTER_KEY_FILE);
    await ensurePrivateDir(join(dataDir, 'keys'));
    try {
      return new FileKeyProvider(await readKeyFile(keyFile), keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // First run. If another process wins the race, 'exists' sends us to read its key instead.
    await writeFileDurably(keyFile, randomBytes(KEY_LENGTH), { mode: 0o600, exclusive: true });
    return new FileKeyProvider(await readKeyFile(keyFile), keyFile);
  }

  async seal(plain: Uint8Array): Promise<Uint8Array> {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(AAD);
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([SEALED_VERSION]), iv, cipher.getAuthTag(), ciphertext]);
  }

  async unseal(sealed: Uint8Array): Promise<Uint8Array> {
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (bytes.length < 1 + IV_LENGTH + TAG_LENGTH || bytes[0] !== SEALED_VERSION) {
      throw new KeyProviderError(
        'sealed-malformed',
        'the sealed data is not in the file provider format (v1)',
      );
    }
    const iv = bytes.subarray(1, 1 + IV_LENGTH);
    const tag = bytes.subarray(1 + IV_LENGTH, 1 + IV_LENGTH + TAG_LENGTH);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(bytes.subarray(1 + IV_LENGTH + TAG_LENGTH)), decipher.final()]);
    } catch {
      throw new KeyProviderError(
        'unseal-failed',
        `cannot unseal: the data was sealed with a different key than ${this.keyFile}, or it was altered`,
        this.keyFile,
      );
    }
  }
}

/** Reads the key through one descriptor, so the checks and the read see the same file. */
async function readKeyFile(keyFile: string): Promise<Buffer> {
  // O_NOFOLLOW: a symlink planted in place of the key would let someone else choose our key.
  const handle = await fs
    .open(keyFile, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
    .catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
      throw new KeyProviderError(
        'key-file-not-a-file',
        `refusing key file ${keyFile}: it is a symbolic link`,
        keyFile,
      );
    });
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new KeyProviderError('key-file-not-a-file', `${keyFile} is not a regular file`, keyFile);
    }
    const loose = ownerOnlyProblem({
      path: keyFile,
      what: 'key file',
      mode: stat.mode,
      directory: false,
      platform: process.platform,
    });
    if (loose) throw new KeyProviderError('key-file-permissions', loose, keyFile);
    if (stat.size !== KEY_LENGTH) {
      throw new KeyProviderError(
        'key-file-length',
        `refusing key file ${keyFile}: it holds ${stat.size} bytes, a key is exactly ${KEY_LENGTH}. ` +
          `It was damaged or replaced; do not delete it without reading docs/JOURNAL.md (journals need it).`,
        keyFile,
      );
    }
    const key = Buffer.alloc(KEY_LENGTH);
    const { bytesRead } = await handle.read(key, 0, KEY_LENGTH, 0);
    if (bytesRead !== KEY_LENGTH) {
      throw new KeyProviderError('key-file-length', `short read of key file ${keyFile}`, keyFile);
    }
    return key;
  } finally {
    await handle.close();
  }
}
