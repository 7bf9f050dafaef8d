/**
 * Runs an `lbt` command in the test's own process: the same dispatch and command code as bin/lbt.mjs, with
 * console output captured, and without the second or so a child process needs to load TypeScript. Each CLI
 * suite keeps one test that spawns the real binary; the rest of its cases run through this.
 */
import { format } from 'node:util';
import { vi } from 'vitest';
import { runLbt } from '../../src/cli/dispatch';
import { readCliConfig } from '../../src/shared/config';

export async function lbtInProcess(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi
    .spyOn(console, 'log')
    .mockImplementation((...parts) => void stdout.push(format(...parts) + '\n'));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...parts) => void stderr.push(format(...parts) + '\n'));
  const warn = vi
    .spyOn(console, 'warn')
    .mockImplementation((...parts) => void stderr.push(format(...parts) + '\n'));
  try {
    const code = await runLbt(args, readCliConfig(process.env));
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    warn.mockRestore();
  }
}
