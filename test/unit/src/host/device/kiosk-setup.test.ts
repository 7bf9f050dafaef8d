import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectKioskAccount,
  KIOSK_ACCOUNT_ENV,
  KIOSK_ACCOUNT_NAME,
} from '../../../../../src/host/device/system';

const root = resolve(import.meta.dirname, '../../../../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

/** The OS setup and the device check must agree on how the kiosk account is recognised. */
describe('OS kiosk setup matches what the device check looks for', () => {
  it('the Linux unit runs as the kiosk account, sets the variable and starts the packaged binary under cage', () => {
    const unit = read('build/kiosk/linux/lbt-kiosk.service');
    expect(unit).toMatch(new RegExp(`^User=${KIOSK_ACCOUNT_NAME}$`, 'm'));
    expect(unit).toMatch(new RegExp(`^Environment=${KIOSK_ACCOUNT_ENV}=1$`, 'm'));
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/cage -d -- "\/opt\/LBT Kiosk\/lbt-kiosk"/m);
    // The unit's environment is what the app reads.
    expect(detectKioskAccount({ [KIOSK_ACCOUNT_ENV]: '1' }, 'anyone').detected).toBe(true);
    expect(read('build/kiosk/linux/setup-kiosk.sh')).toContain(`ACCOUNT=${KIOSK_ACCOUNT_NAME}`);
  });

  it('the Windows script creates the account by the name the app recognises, with the installed exe as shell', () => {
    const script = read('build/kiosk/windows/setup-kiosk.ps1');
    expect(script).toContain(`[string] $Account = '${KIOSK_ACCOUNT_NAME}'`);
    expect(script).toContain("[string] $AppPath = 'C:\\Program Files\\LBT Kiosk\\lbt-kiosk.exe'");
    expect(script).toContain("AllowEdgeSwipe' 0");
    expect(detectKioskAccount({}, KIOSK_ACCOUNT_NAME).detected).toBe(true);
  });

  it('the installer names match the paths the setup scripts use', () => {
    const builder = read('electron-builder.yml');
    expect(builder).toMatch(/^productName: LBT Kiosk$/m);
    expect(builder.match(/^\s+executableName: lbt-kiosk$/gm)).toHaveLength(2);
  });
});
