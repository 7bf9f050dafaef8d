/**
 * Removes a delivered result (or a journal) once its retention has passed: the file is first renamed to
 * `<name>.removing`, then its bytes are overwritten with zeros and fsynced, then it is unlinked. The rename comes
 * first so that a crash half-way through the overwrite never leaves a half-zeroed file under its real name, where
 * the result store or journal recovery would find it and call it damaged; `finishRemovals` completes such a file
 * on the next sweep, and only this module creates the suffix, so whatever carries it was already judged expired.
 *
 * Limits (see docs/RESULTS.md): on SSDs (wear levelling, over-provisioning), copy-on-write or journaling file
 * systems (btrfs, ZFS, ext4 data=journal) and snapshots, the overwrite may land in new blocks and the old ones
 * survive until the device reuses them. The real protection is full-disk encryption of the kiosk (BitLocker,
 * LUKS), which the kiosk setup requires; the overwrite only narrows what a casual look at the raw disk shows.
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { fsyncDir } from '../keys/durable-fs';

const CHUNK = 64 * 1024;
const REMOVING = '.removing';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Zeroes, fsyncs and unlinks `file`; false when it is not there (or no longer: a second call is a no-op). */
export async function secureRemove(file: string): Promise<boolean> {
  // Opened before the rename, so a file we may not write (read-only, EACCES) fails here and stays as it was.
  const handle = await openForWriting(file);
  if (!handle) {
    // Not under its name: an earlier sweep may have renamed it and stopped; finish that one.
    return zeroAndUnlink(file + REMOVING);
  }
  try {
    await fs.rename(file, file + REMOVING);
    await fsyncDir(dirname(file));
  } catch (error) {
    await handle.close();
    throw error;
  }
  await zeroAndUnlinkOpen(handle, file + REMOVING);
  return true;
}

/** Completes every removal in `dir` that a crash interrupted; the number completed. */
export async function finishRemovals(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
  let done = 0;
  for (const name of names) {
    if (name.endsWith(REMOVING) && (await zeroAndUnlink(join(dir, name)))) done++;
  }
  return done;
}

async function openForWriting(file: string): Promise<fs.FileHandle | null> {
  try {
    return await fs.open(file, 'r+');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

async function zeroAndUnlink(file: string): Promise<boolean> {
  const handle = await openForWriting(file);
  if (!handle) return false;
  await zeroAndUnlinkOpen(handle, file);
  return true;
}

async function zeroAndUnlinkOpen(handle: fs.FileHandle, file: string): Promise<void> {
  try {
    const { size } = await handle.stat();
    const zeros = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    for (let at = 0; at < size; at += zeros.length) {
      await handle.write(zeros, 0, Math.min(zeros.length, size - at), at);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.unlink(file);
  await fsyncDir(dirname(file));
}
