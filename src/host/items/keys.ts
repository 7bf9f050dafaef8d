import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import type { PublisherKey, PublisherKeyPairFile } from '../../shared/items/trust';
import { ed25519PublicKeyProblem } from '../../shared/signing/ed25519-encoding';
import { decodeBase64Strict } from '../../shared/signing/strict-base64';

/** The raw 32 bytes of an Ed25519 public key (JWK `x`), the form a keyId is computed from. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/** A publisher's keyId: sha256 (hex) of the raw public key, as manifest.sig names it. */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex');
}

/** Reads a trusted publisher's key, given as base64 raw 32 bytes or SPKI PEM. Throws with a reason. */
export function publicKeyOf(entry: Pick<PublisherKey, 'publicKey'>): KeyObject {
  const text = entry.publicKey.trim();
  let key: KeyObject;
  if (text.startsWith('-----BEGIN')) {
    key = createPublicKey(text);
  } else {
    const raw = decodeBase64Strict(text);
    if (!raw) throw new Error('not the canonical base64 of a key');
    key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
      format: 'jwk',
    });
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`expected an Ed25519 key, found ${key.asymmetricKeyType}`);
  // Checked on the raw bytes, so a PEM wrapping a small-order point is refused like its base64 spelling.
  const problem = ed25519PublicKeyProblem(rawPublicKey(key));
  if (problem) throw new Error(`not a usable Ed25519 public key: ${problem}`);
  return key;
}

export function privateKeyOf(file: PublisherKeyPairFile): KeyObject {
  return createPrivateKey({ key: Buffer.from(file.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
}

/** A new publisher key pair in the form kept in a key file (the caller adds name and warning). */
export function newPublisherKeyPair(): Pick<PublisherKeyPairFile, 'keyId' | 'publicKey' | 'privateKey'> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(publicKey),
    publicKey: rawPublicKey(publicKey).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}
