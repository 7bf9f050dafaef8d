import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallTmpfs {
  mountPoint: string;
  /** Why mounting failed (the suite is then skipped with this reason printed), or null when mounted. */
  error: string | null;
  /** Fills the file system through one file at `path` until it refuses another page. */
  fill(path: string): void;
  /** Unmounts (lazily if something still holds it) and removes the mount point. */
  unmount(): void;
}

/**
 * A real, tiny tmpfs for full-disk tests (the tests run as root). Where mounting is not permitted, the caller
 * skips its suite with the printed reason; nothing is faked.
 */
export function mountSmallTmpfs(label: string, size = '256k'): SmallTmpfs {
  const mountPoint = mkdtempSync(join(tmpdir(), `lbt-tmpfs-${label}-`));
  let error: string | null = null;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', mountPoint], {
      stdio: 'pipe',
    });
  } catch (cause) {
    error = String((cause as { stderr?: Buffer }).stderr ?? cause).trim();
    console.warn(`${label} disk-full tests skipped: cannot mount a small tmpfs at ${mountPoint} (${error})`);
  }
  return {
    mountPoint,
    error,
    fill(path) {
      const fd = openSync(path, 'w');
      const page = Buffer.alloc(4096, 0xaa);
      try {
        for (;;) writeSync(fd, page);
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'ENOSPC') throw cause;
      } finally {
        closeSync(fd);
      }
    },
    unmount() {
      if (!error) {
        try {
          execFileSync('umount', [mountPoint], { stdio: 'pipe' });
        } catch {
          execFileSync('umount', ['-l', mountPoint]); // detach even if something still holds it
        }
      }
      rmdirSync(mountPoint);
    },
  };
}
