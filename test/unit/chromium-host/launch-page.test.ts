import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumKioskArgs, writeLaunchPage } from '../../../chromium-host/launch-browser';

const TOKEN = 'geheim-launch-token-0123456789abcdef';
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the launch token hand-over', () => {
  it('keeps the token off the command line: Chromium gets a 0600 page in its 0700 profile', () => {
    const profile = mkdtempSync(join(tmpdir(), 'lbt-kiosk-profile-'));
    made.push(profile);
    const launchUrl = `http://127.0.0.1:4242/kiosk/#lbt-token=${TOKEN}`;
    const page = writeLaunchPage(profile, launchUrl);
    const args = chromiumKioskArgs(pathToFileURL(page).href, profile, false);

    expect(args.join(' ')).not.toContain(TOKEN);
    expect(args).toContain(`--app=${pathToFileURL(page).href}`);
    expect(statSync(profile).mode & 0o777).toBe(0o700);
    expect(statSync(page).mode & 0o777).toBe(0o600);
    expect(readFileSync(page, 'utf8')).toContain(`location.replace(${JSON.stringify(launchUrl)})`);
    // Never over an existing file (someone's planted page would be followed instead).
    expect(() => writeLaunchPage(profile, launchUrl)).toThrow(/EEXIST/);
  });
});
