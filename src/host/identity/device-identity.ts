/**
 * The device's identity: an Ed25519 key pair made on first run. The private key is stored only sealed by the
 * key provider; the device id is derived from the public key, so it cannot be claimed without the key.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { DeviceIdentityFile } from '../../shared/signing/device-identity';
import { ensurePrivateDir, writeFileDurably } from '../keys/durable-fs';
import { JsonFileUnreadable, parseJsonFileIfExists } from '../files/parse-json-file';
import type { KeyProvider } from '../keys/key-provider';
import { keyIdOf, rawPublicKey, signerFromPrivateKey, type Ed25519Signer } from '../signing/sign';

export const DEVICE_IDENTITY_FILE = join('identity', 'device.json');

export type IdentityErrorCode = 'identity-corrupt' | 'identity-unsealable' | 'identity-mismatch';

/**
 * The identity file exists but cannot be used. Never answered by making a new identity: results already
 * signed would then belong to a device that no longer exists. docs/JOURNAL.md says what the operator does.
 */
export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  constructor(
    readonly code: IdentityErrorCode,
    readonly file: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`device identity ${file} cannot be used (${code}): ${detail}`, options);
  }
}

export interface DeviceIdentity extends Ed25519Signer {
  readonly deviceId: string;
  readonly publicKey: KeyObject;
  /** base64 of the raw 32-byte public key, as published to the results service. */
  readonly publicKeyBase64: string;
  readonly createdAt: string;
}

export function deviceIdOf(rawPublic: Uint8Array): string {
  return `lbt-dev-${keyIdOf(rawPublic).slice(0, 16)}`;
}

/** Loads `<dataDir>/identity/device.json`, creating the key pair on first run. */
export async function loadDeviceIdentity(
  dataDir: string,
  provider: KeyProvider,
  now: () => Date = () => new Date(),
): Promise<DeviceIdentity> {
  const file = join(dataDir, DEVICE_IDENTITY_FILE);
  const existing = await readIdentity(file, provider);
  if (existing) return existing;

  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const record: DeviceIdentityFile = {
    schema: 'lbt.device-identity/1',
    deviceId: deviceIdOf(raw),
    keyId: keyIdOf(raw),
    publicKey: raw.toString('base64'),
    provider: provider.kind,
    sealedPrivateKey: Buffer.from(await provider.seal(pkcs8)).toString('base64'),
    createdAt: now().toISOString(),
  };
  await ensurePrivateDir(join(dataDir, 'identity'));
  // Exclusive: an identity, once on disk, is never replaced; a racing first run reads the winner's.
  await writeFileDurably(file, Buffer.from(JSON.stringify(record, null, 2) + '\n'), {
    mode: 0o600,
    exclusive: true,
  });
  const created = await readIdentity(file, provider);
  if (!created) throw new Error(`device identity ${file} vanished right after it was created`);
  return created;
}

async function readIdentity(file: string, provider: KeyProvider): Promise<DeviceIdentity | null> {
  const read = await parseJsonFileIfExists(DeviceIdentityFile, file);
  if (!read.ok) {
    if (read.error instanceof JsonFileUnreadable) throw read.error;
    const why = read.error.problem === 'schema' ? read.error.detail : `it is not JSON: ${read.error.detail}`;
    throw new IdentityError('identity-corrupt', file, why, { cause: read.error });
  }
  if (read.value === null) return null;
  const record = read.value;
  if (record.provider !== provider.kind) {
    throw new IdentityError(
      'identity-unsealable',
      file,
      `it was sealed by the '${record.provider}' key provider, this shell uses '${provider.kind}'`,
    );
  }
  let privateKey: KeyObject;
  try {
    const der = await provider.unseal(Buffer.from(record.sealedPrivateKey, 'base64'));
    privateKey = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new IdentityError('identity-unsealable', file, (error as Error).message, { cause: error });
  }
  // The clear-text public parts must belong to the sealed private key, or someone edited the file.
  const publicKey = createPublicKey(privateKey);
  const raw = rawPublicKey(publicKey);
  if (
    raw.toString('base64') !== record.publicKey ||
    keyIdOf(raw) !== record.keyId ||
    deviceIdOf(raw) !== record.deviceId
  ) {
    throw new IdentityError(
      'identity-mismatch',
      file,
      'the public key, key id or device id does not match the private key',
    );
  }
  const signer = signerFromPrivateKey(privateKey);
  return {
    deviceId: record.deviceId,
    keyId: signer.keyId,
    sign: signer.sign,
    publicKey,
    publicKeyBase64: record.publicKey,
    createdAt: record.createdAt,
  };
}
