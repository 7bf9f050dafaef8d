/**
 * The one reading of Node's errno codes. Pure (codes are strings), so the kiosk host, the results service and
 * the CLI sort a failed read or write the same way and say the same thing about it.
 */

/** What a failed file operation means for the person who has to fix it. */
export type ErrnoKind = 'missing' | 'disk-full' | 'read-only' | 'not-a-file' | 'io-error';

/** The error's errno code (`ENOENT`, `EACCES`, ...), or 'UNKNOWN' for anything without one. */
export function errnoCode(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

export function errnoKind(code: string): ErrnoKind {
  switch (code) {
    case 'ENOENT':
      return 'missing';
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'disk-full';
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'read-only';
    case 'EISDIR':
    case 'ENOTDIR':
      return 'not-a-file';
    default:
      return 'io-error';
  }
}

const MESSAGES: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied (this account may not open it)',
  EPERM: 'the operating system does not permit this',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this disk',
  EROFS: 'the disk is read-only',
  EMFILE: 'too many files are open',
  ELOOP: 'its path loops through symbolic links',
  ENAMETOOLONG: 'its path is too long',
  EIO: 'the disk reported an input/output error',
};

/** One clear English sentence part for the log: `ENOENT` -> "it does not exist (ENOENT)". */
export function errnoMessage(code: string): string {
  const text = MESSAGES[code];
  return text ? `${text} (${code})` : `it cannot be read or written (${code})`;
}
