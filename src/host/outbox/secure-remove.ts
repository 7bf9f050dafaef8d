/**
 * Removes a delivered result once its retention has passed: the file's bytes are overwritten with zeros and
 * fsynced before it is unlinked, so the answers do not linger in free blocks of a simple file system.
 *
 * Limits (see docs/RESULTS.md): on SSDs (wear levelling, over-provisioning), copy-on-write or journaling file
 * systems (btrfs, ZFS, ext4 data=journal) and snapshots, the overwrite may land in new blocks and the old ones
 * survive until the device reuses them. The real protection is full-disk encryption of the kiosk (BitLocker,
 * LUKS), which the kiosk setup requires; the overwrite only narrows what a casual look at the raw disk shows.
 */
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDir } from '../keys/durable-fs';

const CHUNK = 64 * 1024;

export async function secureRemove(file: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
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
  return true;
}
