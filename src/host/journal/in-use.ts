import { resolve } from 'node:path';

/**
 * Journals this process has open for appending. Recovery must never judge a file that is being written: the
 * record in flight would look torn and be cut. One writer per file is the other half of the same rule.
 */
const inUse = new Set<string>();

export function isInUse(file: string): boolean {
  return inUse.has(resolve(file));
}

/** Marks `file` as in use; false when it already was. */
export function claim(file: string): boolean {
  const key = resolve(file);
  if (inUse.has(key)) return false;
  inUse.add(key);
  return true;
}

export function unclaim(file: string): void {
  inUse.delete(resolve(file));
}
