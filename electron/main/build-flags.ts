import { readFileSync } from 'node:fs';
import { BuildFlags, DEVELOPMENT_BUILD } from '../../src/shared/device/lockdown';

/**
 * Reads `lbtBuild` from the packaged package.json (written by electron-builder's extraMetadata). A packaged
 * app is production whatever the file says, so a tampered or missing block can never turn devtools or the
 * development publisher keys back on.
 */
export function readBuildFlags(packageJsonPath: string, isPackaged: boolean): BuildFlags {
  let flags = DEVELOPMENT_BUILD;
  try {
    const json = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { lbtBuild?: unknown };
    const parsed = BuildFlags.safeParse(json.lbtBuild);
    if (parsed.success) flags = parsed.data;
  } catch {
    // An unreadable package.json leaves the development defaults, or production below when packaged.
  }
  return isPackaged || flags.production
    ? { production: true, devtools: false, devPublisherKeys: false }
    : flags;
}
