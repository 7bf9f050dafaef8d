import { verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageProblem } from '../../shared/items/problem';
import { ManifestSignature } from '../../shared/items/manifest';
import { decodeEd25519Signature } from '../../shared/signing/ed25519-encoding';
import { TrustedPublishersFile, type PublisherKey, type TrustPolicy } from '../../shared/items/trust';
import { appRoot } from '../paths';
import { keyIdOf, publicKeyOf } from './keys';
import { parsePackageJson } from './read-json';

/** The publishers file shipped with the app; its development key is honoured only where the shell allows it. */
export const defaultTrustedPublishersFile = join(appRoot, 'items', 'tools', 'trusted-publishers.json');

/**
 * Builds a trust policy from a publishers file. Throws an Error with a readable message when the file is
 * missing or wrong: without trust configuration no package can be accepted.
 */
export function readTrustPolicy(file: string, allowDevelopmentKeys: boolean): TrustPolicy {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new Error(`trusted publishers file not found: ${file}`);
  }
  const parsed = parsePackageJson(file, bytes, TrustedPublishersFile);
  if (!parsed.ok) {
    throw new Error(parsed.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n'));
  }
  for (const [index, entry] of parsed.value.publisherKeys.entries()) {
    const problem = checkPublisherKey(entry);
    if (problem) throw new Error(`${file}: $.publisherKeys[${index}]: ${problem}`);
  }
  return { publisherKeys: parsed.value.publisherKeys, allowDevelopmentKeys };
}

/** A key entry whose keyId does not belong to its key would let one publisher pose as another. */
function checkPublisherKey(entry: PublisherKey): string | null {
  try {
    const actual = keyIdOf(publicKeyOf(entry));
    return actual === entry.keyId ? null : `keyId does not match the public key (it is ${actual})`;
  } catch (error) {
    return `unreadable public key: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export type SignatureCheck =
  { ok: true; keyId: string; publisher: string } | { ok: false; problem: PackageProblem };

/** Checks manifest.sig against the exact bytes of manifest.json and the trust policy. */
export function checkManifestSignature(
  manifestBytes: Buffer,
  signatureBytes: Buffer | null,
  policy: TrustPolicy,
): SignatureCheck {
  const refuse = (path: string, message: string): SignatureCheck => ({
    ok: false,
    problem: { file: 'manifest.sig', path, message },
  });
  if (!signatureBytes) {
    return refuse('$', 'unsigned package: manifest.sig is missing (sign it with "lbt items sign")');
  }
  const parsed = parsePackageJson('manifest.sig', signatureBytes, ManifestSignature);
  if (!parsed.ok) return { ok: false, problem: parsed.problems[0]! };
  const { keyId, signature } = parsed.value;
  const entry = policy.publisherKeys.find((key) => key.keyId === keyId);
  if (!entry) {
    return refuse(
      '$.keyId',
      `signed by an unknown publisher key ${keyId}: it is not among the trusted publishers`,
    );
  }
  if (entry.development && !policy.allowDevelopmentKeys) {
    return refuse(
      '$.keyId',
      `signed by the development key "${entry.name}", which this kiosk does not trust (development keys are off in production builds)`,
    );
  }
  const unusable = checkPublisherKey(entry);
  if (unusable) return refuse('$.keyId', `the trusted entry for "${entry.name}" is unusable: ${unusable}`);
  const decoded = decodeEd25519Signature(signature);
  if (!decoded.ok) return refuse('$.signature', `bad signature: ${decoded.problem}`);
  const valid = verify(null, manifestBytes, publicKeyOf(entry), decoded.bytes);
  if (!valid) {
    return refuse(
      '$.signature',
      `bad signature: manifest.json does not match this signature by "${entry.name}" (manifest.json was changed after signing)`,
    );
  }
  return { ok: true, keyId, publisher: entry.name };
}
