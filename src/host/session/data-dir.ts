import { homedir } from 'node:os';
import { join } from 'node:path';
import type { HostConfig } from '../../shared/config/host';

/**
 * Where the host keeps keys, identity, journals and results: `LBT_DATA_DIR` when set, otherwise a per-user
 * directory (never the app folder, which may be read-only or shared): `%LOCALAPPDATA%\lbt-kiosk` on Windows,
 * `~/Library/Application Support/lbt-kiosk` on macOS, `$XDG_DATA_HOME/lbt-kiosk` (default
 * `~/.local/share/lbt-kiosk`) elsewhere. The Electron shell uses its own `userData` directory instead. `env` is
 * the entry point's config (read once at start), never process.env here.
 */
export function resolveDataDir(
  env: Pick<HostConfig, 'LBT_DATA_DIR' | 'LOCALAPPDATA' | 'XDG_DATA_HOME'>,
  platform = process.platform,
): string {
  if (env.LBT_DATA_DIR) return env.LBT_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'lbt-kiosk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'lbt-kiosk');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'lbt-kiosk');
}
