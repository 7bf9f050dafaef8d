import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** A package file the host may serve: where it is, its content type and the sha256 the signed manifest lists. */
export interface PackageFile {
  path: string;
  contentType: string;
  sha256: string;
}

/**
 * Reads a package file and returns its bytes only if they still match the signed manifest. The package
 * was verified at start, but a file changed on disk afterwards must not reach a candidate unverified.
 */
export async function readVerified(file: PackageFile): Promise<Buffer | null> {
  const body = await readFile(file.path).catch(() => null);
  if (!body) return null;
  return createHash('sha256').update(body).digest('hex') === file.sha256 ? body : null;
}
