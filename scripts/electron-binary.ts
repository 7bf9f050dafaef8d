import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ElectronBinary {
  path: string | null;
  /** One line for the operator: which binary, or why there is none. */
  reason: string;
}

/**
 * Finds a runnable Electron without `require('electron')`, which would try to download one (and fail
 * on a closed network): LBT_ELECTRON_PATH first, then a binary already unpacked by the npm package.
 */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const fromEnv = env.LBT_ELECTRON_PATH;
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { path: fromEnv, reason: `LBT_ELECTRON_PATH points at ${fromEnv}` }
      : { path: null, reason: `LBT_ELECTRON_PATH=${fromEnv} does not exist` };
  }
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (existsSync(pathFile)) {
    const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(binary))
      return { path: binary, reason: `the electron package has its binary at ${binary}` };
  }
  return {
    path: null,
    reason:
      'no Electron binary: LBT_ELECTRON_PATH is not set and the electron package has not downloaded one',
  };
}
