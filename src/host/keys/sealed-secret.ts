import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { parseJson } from '../../shared/json';
import { SealedKeyFile } from '../../shared/journal/sealed-key';
import { ensurePrivateDir, writeFileDurably, readTextIfExists } from './durable-fs';
import { KeyProviderError, type KeyProvider } from './key-provider';

/**
 * Loads a random secret kept sealed in `file` (a SealedKeyFile), creating it on first run.
 * The secret itself never touches the disk unsealed.
 */
export async function loadOrCreateSealedSecret(options: {
  file: string;
  purpose: string;
  length: number;
  provider: KeyProvider;
}): Promise<Buffer> {
  const { file, purpose, length, provider } = options;
  const existing = await readSealedSecret(file, purpose, length, provider);
  if (existing) return existing;
  await ensurePrivateDir(dirname(file));
  const record: SealedKeyFile = {
    schema: 'lbt.sealed-key/1',
    purpose,
    provider: provider.kind,
    sealed: Buffer.from(await provider.seal(randomBytes(length))).toString('base64'),
  };
  await writeFileDurably(file, Buffer.from(JSON.stringify(record, null, 2) + '\n'), {
    mode: 0o600,
    exclusive: true,
  });
  // Read back rather than trust our copy: if another process created it first, theirs is the one on disk.
  const created = await readSealedSecret(file, purpose, length, provider);
  if (!created) throw new Error(`sealed secret ${file} vanished right after it was created`);
  return created;
}

async function readSealedSecret(
  file: string,
  purpose: string,
  length: number,
  provider: KeyProvider,
): Promise<Buffer | null> {
  const text = await readTextIfExists(file);
  if (text === null) return null;
  const parsed = parseJson(SealedKeyFile, text, file);
  if (!parsed.ok || parsed.value.purpose !== purpose) {
    throw new KeyProviderError(
      'sealed-file-invalid',
      `refusing ${file}: it is not a sealed ${purpose} key (damaged or replaced)`,
      file,
    );
  }
  if (parsed.value.provider !== provider.kind) {
    throw new KeyProviderError(
      'provider-mismatch',
      `${file} was sealed by the '${parsed.value.provider}' key provider, but this shell uses '${provider.kind}'; ` +
        `a data dir belongs to one shell (docs/JOURNAL.md)`,
      file,
    );
  }
  const secret = Buffer.from(await provider.unseal(Buffer.from(parsed.value.sealed, 'base64')));
  if (secret.length !== length) {
    throw new KeyProviderError(
      'sealed-file-invalid',
      `refusing ${file}: the sealed key has the wrong length`,
      file,
    );
  }
  return secret;
}
