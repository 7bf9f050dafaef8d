import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../scripts/electron-binary';

describe('findElectronBinary', () => {
  const root = mkdtempSync(join(tmpdir(), 'lbt-electron-'));

  it('reports why there is no binary when nothing is installed', () => {
    expect(findElectronBinary(root, {})).toEqual({
      path: null,
      reason: expect.stringContaining('no Electron binary'),
    });
  });

  it('uses LBT_ELECTRON_PATH when it exists and says so when it does not', () => {
    const binary = join(root, 'my-electron');
    writeFileSync(binary, '');
    expect(findElectronBinary(root, { LBT_ELECTRON_PATH: binary }).path).toBe(binary);
    expect(findElectronBinary(root, { LBT_ELECTRON_PATH: join(root, 'missing') })).toEqual({
      path: null,
      reason: expect.stringContaining('does not exist'),
    });
  });

  it('finds a binary the electron package has unpacked, without requiring the package', () => {
    const dist = join(root, 'node_modules', 'electron', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(root, {}).path).toBeNull();
    writeFileSync(join(dist, 'electron'), '');
    expect(findElectronBinary(root, {}).path).toBe(join(dist, 'electron'));
  });
});
