import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Makes a just-created or renamed directory entry durable. Linux needs an fsync on the directory itself;
 * Windows cannot open a directory this way and NTFS journals the rename, so there it is a no-op.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Whether a write replaced nothing ('created') or, with `exclusive`, found the file already there ('exists'). */
export type DurableWriteOutcome = 'created' | 'exists' | 'replaced';

/**
 * Writes `data` to `path` so that after a crash the file is either absent/old or complete: a temp file beside it
 * is written and fsynced, then moved into place, then the directory is fsynced.
 * With `exclusive`, the move is a hard link, which fails if `path` exists: the first writer wins and an existing
 * key or identity is never overwritten (rename would silently replace it).
 */
export async function writeFileDurably(
  path: string,
  data: Uint8Array,
  options: { mode: number; exclusive: boolean },
): Promise<DurableWriteOutcome> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', options.mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    let outcome: DurableWriteOutcome;
    if (options.exclusive) {
      try {
        await fs.link(temp, path);
        outcome = 'created';
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
        throw error;
      }
    } else {
      const existed = await fs.stat(path).then(
        () => true,
        () => false,
      );
      await fs.rename(temp, path);
      outcome = existed ? 'replaced' : 'created';
    }
    await fsyncDir(dir);
    return outcome;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Creates `dir` (and parents) for secrets: owner-only where the platform has mode bits. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
}

/** A file's text, or null when it does not exist; any other read failure is thrown. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
