/**
 * The service's data dir holds its signing key and every result: it is created owner-only (0700, files 0600),
 * and a dir or file someone loosened is refused at start with the fix in the message, by the same rule the
 * kiosk's key provider applies (src/shared/security/owner-only.ts).
 */
import { closeSync, constants, fsyncSync, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ownerOnlyProblem } from '../shared/security/owner-only';

/** A data dir, database or key file the service will not use as it is; the message says why and what to do. */
export class PrivateFileError extends Error {
  override readonly name = 'PrivateFileError';
}

/** Creates `dir` 0700 when absent; refuses one that is not a directory or that others can enter. */
export function preparePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory())
    throw new PrivateFileError(`refusing data directory ${dir}: it is not a directory`);
  refuseLoose(dir, 'data directory', stat.mode, true);
}

/** Refuses `file` when it exists and is a symbolic link, not a file, or readable by others; absent is fine. */
export function refuseLooseFile(file: string, what: string): void {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  // A symlink planted in place of a private file would let someone else choose what we read or write.
  if (!stat.isFile()) throw new PrivateFileError(`refusing ${what} ${file}: it is not a regular file`);
  refuseLoose(file, what, stat.mode, false);
}

/**
 * Creates `file` empty and 0600 if it does not exist, so a library that creates it later (SQLite, and its -wal
 * and -shm, which take the main file's mode) never makes it world-readable.
 */
export function createPrivateFileIfAbsent(file: string): void {
  try {
    closeSync(openSync(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Writes `data` to a new file 0600, fsynced with its directory; 'exists' (and nothing written) when the file is
 * already there, so a key is never overwritten.
 */
export function writePrivateFileOnce(file: string, data: string): 'created' | 'exists' {
  let fd: number;
  try {
    fd = openSync(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (process.platform !== 'win32') {
    const dirFd = openSync(dirname(file), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
  return 'created';
}

function refuseLoose(path: string, what: string, mode: number, directory: boolean): void {
  const problem = ownerOnlyProblem({ path, what, mode, directory, platform: process.platform });
  if (problem) throw new PrivateFileError(problem);
}
