import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../../../src/host/session/data-dir';

describe('the data dir', () => {
  it('is LBT_DATA_DIR when set, otherwise a per-user directory for the platform', () => {
    expect(resolveDataDir({ LBT_DATA_DIR: '/srv/lbt' }, 'linux')).toBe('/srv/lbt');
    expect(resolveDataDir({}, 'linux')).toBe(join(homedir(), '.local', 'share', 'lbt-kiosk'));
    expect(resolveDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe(join('/x', 'lbt-kiosk'));
    expect(resolveDataDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toBe(
      join('C:\\Users\\a\\AppData\\Local', 'lbt-kiosk'),
    );
    expect(resolveDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'lbt-kiosk'));
  });
});
