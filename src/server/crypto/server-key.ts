/**
 * The service's Ed25519 signing key (receipts, rosters). It is kept out of the database, so a database backup
 * or a database reader cannot sign: injected as PKCS#8 PEM (`serverKeyPem`: `lbt server` passes LBT_SERVER_KEY), else
 * in `<dataDir>/server-key.pem` (0600), created at the first start. The database keeps only the public key id
 * (`meta.server-key`), claimed with insert-if-absent, so an instance holding another key than the one kiosks
 * pinned refuses to start instead of signing receipts they reject. See docs/RESULTS.md, "Key custody".
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { constants, closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ServerKey } from '../../shared/results-service';
import type { Database } from '../db/tables';
import { PrivateFileError, refuseLooseFile, writePrivateFileOnce } from '../private-files';
import { keyIdOfRaw, rawPublicKeyBase64 } from './ed25519';

export const SERVER_KEY_FILE = 'server-key.pem';
export const SERVER_KEY_ENV = 'LBT_SERVER_KEY';
const CURRENT_KEY = 'server-key';

export interface ServerSigningKey {
  /** What a kiosk pins (EnrollResponse.serverKey). */
  pinned: ServerKey;
  privateKey: KeyObject;
}

export interface ServerKeySource {
  dataDir: string;
  /** PKCS#8 PEM (the entry point's LBT_SERVER_KEY); unset or empty = the key file. */
  serverKeyPem?: string;
}

export async function loadOrCreateServerKey(
  db: Kysely<Database>,
  source: ServerKeySource,
): Promise<ServerSigningKey> {
  const file = join(source.dataDir, SERVER_KEY_FILE);
  const injected = source.serverKeyPem ?? '';
  const fromFile = readServerKeyFile(file);
  let key = injected ? parsePem(injected, SERVER_KEY_ENV) : fromFile;
  if (injected && fromFile && signingKeyOf(key!).pinned.keyId !== signingKeyOf(fromFile).pinned.keyId) {
    throw new PrivateFileError(
      `the injected server key (${SERVER_KEY_ENV}) differs from ${file}; keep one of them (kiosks pinned one).`,
    );
  }
  const claimed = await currentKeyId(db);
  if (!key) {
    if (claimed) {
      throw new PrivateFileError(
        `this database's receipts are signed with server key ${claimed}, but ${file} is missing and no ` +
          `${SERVER_KEY_ENV} is set: restore the key file from its backup (kiosks pinned that key).`,
      );
    }
    key = generateKeyPairSync('ed25519').privateKey;
    // Another process may have written the file first: then its key is the one.
    if (writePrivateFileOnce(file, pemOf(key)) === 'exists') key = readServerKeyFile(file)!;
  }
  const signing = signingKeyOf(key);
  await db
    .insertInto('meta')
    .values({ key: CURRENT_KEY, value: signing.pinned.keyId })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const current = await currentKeyId(db);
  if (current !== signing.pinned.keyId) {
    throw new PrivateFileError(
      `this database's receipts are signed with server key ${current}, but this instance holds key ` +
        `${signing.pinned.keyId}: give every instance the same key (${SERVER_KEY_ENV} or a copy of ${SERVER_KEY_FILE}).`,
    );
  }
  return signing;
}

/** The key in `file`, or null when there is none; refuses a loose, linked or malformed file. */
export function readServerKeyFile(file: string): KeyObject | null {
  refuseLooseFile(file, 'server key file');
  let fd: number;
  try {
    // O_NOFOLLOW: the check above and this read must see the same file, not a symlink swapped in between.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) throw new PrivateFileError(`refusing server key file ${file}: not a file`);
    return parsePem(readFileSync(fd, 'utf8'), file);
  } finally {
    closeSync(fd);
  }
}

/** PKCS#8 PEM of a private key: the key file's content. */
export function pemOf(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}

function parsePem(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new PrivateFileError(`${where} is not a PKCS#8 PEM private key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new PrivateFileError(`${where} holds a ${key.asymmetricKeyType} key; the server key is Ed25519`);
  }
  return key;
}

function signingKeyOf(privateKey: KeyObject): ServerSigningKey {
  const publicKey = rawPublicKeyBase64(createPublicKey(privateKey));
  return { pinned: { keyId: keyIdOfRaw(Buffer.from(publicKey, 'base64')), publicKey }, privateKey };
}

async function currentKeyId(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', CURRENT_KEY).executeTakeFirst();
  return row?.value ?? null;
}
