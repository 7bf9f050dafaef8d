import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LockoutStore } from '../../host/afnemer/lockouts';
import { FileKeyProvider } from '../../host/keys/file-key-provider';
import { KeyProviderError } from '../../host/keys/key-provider';
import { rosterKeyFrom } from '../../host/service-link/roster-seal';
import { resolveDataDir } from '../../host/session/data-dir';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';

const USAGE = 'lbt kiosk reset-lockouts [--data <dir>]';

const HELP = `Usage: ${USAGE}

Resets the PIN lockouts of a Chromium-shell kiosk whose lockouts file was refused (deleted, edited, replaced
by an older copy): every afnemer's wrong-PIN count and lock is dropped, and a new MACed file and anchor are
written. Stop the kiosk first. For the Electron shell, see docs/OPERATIONS.md ("PIN lockouts refused").

  --data <dir>   the kiosk's data dir (default: LBT_DATA_DIR or the per-user data dir)

Exit 0 when reset; 1 when the kiosk's keys cannot be opened; 2 for bad arguments.`;

/** `lbt kiosk reset-lockouts`: the beheerder's way back after a refused lockouts file. */
export const kioskResetLockouts: CliCommand = {
  summary: "reset this kiosk's afnemer PIN lockouts after the file was refused",
  async run(args, env) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return 0;
    }
    const parsed = parseCliArgs(() => parseArgs({ args, options: { data: { type: 'string' } } }), USAGE);
    if (!parsed) return 2;
    const dataDir = parsed.values.data ? resolve(parsed.values.data) : resolveDataDir(env);
    try {
      const provider = await FileKeyProvider.open(dataDir);
      const store = LockoutStore.inDataDir(dataDir, rosterKeyFrom(dataDir, provider));
      await store.reset();
      console.log(`Reset the PIN lockouts in ${store.file}; every afnemer can log in again.`);
      return 0;
    } catch (error) {
      if (error instanceof KeyProviderError) {
        console.error(`Not reset: ${error.message}.`);
        return 1;
      }
      throw error;
    }
  },
};
