import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageProblem } from '../../shared/items/problem';

/** The folders and file that make up a package's content; everything in them must be in the manifest. */
export const CONTENT_FOLDERS = ['bank', 'practice', 'assets', 'audio', 'instructions'] as const;
export const DEFINITION_FILE = 'test-definition.json';

export function isContentPath(path: string): boolean {
  return path === DEFINITION_FILE || CONTENT_FOLDERS.some((folder) => path.startsWith(folder + '/'));
}

export interface ContentListing {
  /** Package-relative paths with `/`, sorted. */
  files: string[];
  /** Things that can never be package content (symbolic links, sockets, …). */
  problems: PackageProblem[];
}

/** Every regular file in the package's content folders. Symbolic links are refused: they could point outside. */
export function listContentFiles(dir: string): ContentListing {
  const files: string[] = [];
  const problems: PackageProblem[] = [];
  const visit = (relative: string) => {
    let stat;
    try {
      stat = lstatSync(join(dir, relative));
    } catch {
      return;
    }
    if (stat.isSymbolicLink()) {
      problems.push({ file: relative, path: '$', message: 'symbolic links are not allowed in a package' });
    } else if (stat.isDirectory()) {
      for (const name of readdirSync(join(dir, relative))) visit(`${relative}/${name}`);
    } else if (stat.isFile()) {
      files.push(relative);
    } else {
      problems.push({ file: relative, path: '$', message: 'not a regular file' });
    }
  };
  for (const folder of CONTENT_FOLDERS) visit(folder);
  visit(DEFINITION_FILE);
  files.sort();
  return { files, problems };
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
