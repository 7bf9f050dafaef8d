import { sign } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PackagePath } from '../../shared/items/ids';
import { instructionProvenance } from '../../shared/items/instruction-audio-rules';
import { Instructions } from '../../shared/items/instructions';
import { Manifest, type ManifestSignature } from '../../shared/items/manifest';
import { formatProblem } from '../../shared/items/problem';
import { TestDefinition } from '../../shared/items/test-definition';
import { PublisherKeyPairFile } from '../../shared/items/trust';
import { appRoot } from '../paths';
import { DEFINITION_FILE, listContentFiles, sha256Hex } from './content-files';
import { keyIdOf, privateKeyOf, publicKeyOf } from './keys';
import { parsePackageJson } from './read-json';

/** The committed development publisher key. Never trusted by production builds. */
export const devPublisherKeyFile = join(appRoot, 'items', 'tools', 'dev-publisher-key.DEVELOPMENT-ONLY.json');

export class SignError extends Error {
  override readonly name = 'SignError';
}

/** Reads a publisher key pair file and checks that its parts belong together. */
export function readPublisherKeyPair(file: string): PublisherKeyPairFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new SignError(`key file not found: ${file}`);
  }
  const parsed = parsePackageJson(file, bytes, PublisherKeyPairFile);
  if (!parsed.ok) throw new SignError(parsed.problems.map(formatProblem).join('\n'));
  const pair = parsed.value;
  let derived: string;
  try {
    derived = keyIdOf(privateKeyOf(pair));
  } catch (error) {
    throw new SignError(
      `${file}: $.privateKey: not a usable Ed25519 private key (${(error as Error).message})`,
    );
  }
  if (derived !== keyIdOf(publicKeyOf(pair)) || derived !== pair.keyId) {
    throw new SignError(`${file}: $.keyId: keyId, public key and private key do not belong together`);
  }
  return pair;
}

/** The manifest of a package folder as it is now: sha256 of every content file, paths sorted. */
export function computeManifest(dir: string): Manifest {
  const root = resolve(dir);
  const listing = listContentFiles(root);
  if (listing.problems.length > 0) throw new SignError(listing.problems.map(formatProblem).join('\n'));
  let definitionBytes: Buffer;
  try {
    definitionBytes = readFileSync(join(root, DEFINITION_FILE));
  } catch {
    throw new SignError(`${DEFINITION_FILE}: $: missing; the package id and version come from it`);
  }
  const definition = parsePackageJson(
    DEFINITION_FILE,
    definitionBytes,
    TestDefinition.pick({ id: true, version: true }).loose(),
  );
  if (!definition.ok) throw new SignError(definition.problems.map(formatProblem).join('\n'));
  const badNames = listing.files.filter((path) => !PackagePath.safeParse(path).success);
  if (badNames.length > 0) {
    throw new SignError(
      badNames
        .map((path) => `${path}: $: not a valid package file name (lowercase letters, digits, ".", "_", "-")`)
        .join('\n'),
    );
  }
  const files: Record<string, string> = {};
  for (const path of listing.files) files[path] = sha256Hex(readFileSync(join(root, path)));
  // The provenance of each instruction audio file, as its instruction file states it, under the signature.
  const instructions = listing.files
    .filter((path) => /^instructions\/[^/]+\.json$/.test(path))
    .map((path) => {
      const parsed = parsePackageJson(path, readFileSync(join(root, path)), Instructions);
      if (!parsed.ok) throw new SignError(parsed.problems.map(formatProblem).join('\n'));
      return parsed.value;
    });
  return Manifest.parse({
    schema: 'lbt.manifest/1',
    packageId: definition.value.id,
    version: definition.value.version,
    files,
    provenance: instructionProvenance(instructions),
  });
}

/** Stable bytes: two-space JSON, keys in schema order, files sorted, trailing newline. */
export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
}

export interface SignOutcome {
  manifest: Manifest;
  signature: ManifestSignature;
  packageHash: string;
}

/** Writes manifest.json and manifest.sig for a package folder, signed with the given key pair. */
export function signPackage(dir: string, pair: PublisherKeyPairFile): SignOutcome {
  const root = resolve(dir);
  const manifest = computeManifest(root);
  const bytes = manifestBytes(manifest);
  const signature: ManifestSignature = {
    schema: 'lbt.manifest-signature/1',
    algorithm: 'Ed25519',
    keyId: pair.keyId,
    signature: sign(null, bytes, privateKeyOf(pair)).toString('base64'),
  };
  writeDurably(join(root, 'manifest.json'), bytes);
  writeDurably(join(root, 'manifest.sig'), Buffer.from(JSON.stringify(signature, null, 2) + '\n', 'utf8'));
  return { manifest, signature, packageHash: sha256Hex(bytes) };
}

/** Write to a temporary file, fsync, then rename: a crash leaves the old file or the new one, never half. */
export function writeDurably(path: string, bytes: Buffer): void {
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
