import type { HostConfig } from '../../shared/config/host';
import { errnoMessage } from '../../shared/errors/errno';
import { JsonFileUnreadable, parseJsonFile } from '../files/parse-json-file';
import { HostFacts, type PanelFacts } from '../../shared/device';
import { scanDrm } from './linux-drm';
import { readLinuxPower } from './power';
import { currentUsername, detectKioskAccount, readFreeDisk, readLinuxAudio, readOs } from './system';
import { queryWmiMonitors } from './windows-wmi';

/** What device facts read from the entry point's HostConfig. */
export type HostEnv = Pick<HostConfig, 'LBT_DEVICE_FACTS_FILE' | 'LBT_KIOSK_ACCOUNT'>;

export interface CollectOptions {
  /** Where the journal and outbox live; its free space is what matters. */
  dataDir: string;
  /** The entry point's config (read once at start): the facts file seam and the kiosk account flag. */
  env: HostEnv;
  platform?: NodeJS.Platform;
  /** Diagnostics that do not stop the check (an unreadable EDID, a failing WMI call). */
  onProblem?: (message: string) => void;
}

/**
 * Test and diagnostic seam: LBT_DEVICE_FACTS_FILE names a JSON file in the HostFacts shape that replaces
 * what the host measures, so e2e tests (and an afnemer's support desk) can reproduce a device exactly.
 */
export const FACTS_FILE_ENV = 'LBT_DEVICE_FACTS_FILE';

export class DeviceFactsFileError extends Error {
  override readonly name = 'DeviceFactsFileError';
}

export async function readFactsFile(path: string): Promise<HostFacts> {
  const read = await parseJsonFile(HostFacts, path, `${FACTS_FILE_ENV} (${path})`);
  if (read.ok) return read.value;
  const error = read.error;
  if (error instanceof JsonFileUnreadable) {
    throw new DeviceFactsFileError(
      `${FACTS_FILE_ENV} names ${path}, which cannot be read: ${errnoMessage(error.code)}.`,
    );
  }
  throw new DeviceFactsFileError(
    error.problem === 'schema'
      ? `${error.what} does not match HostFacts: ${error.detail}`
      : `${error.what} is not valid JSON: ${error.detail}`,
  );
}

async function panelsFor(platform: NodeJS.Platform, onProblem: (message: string) => void) {
  if (platform === 'linux') {
    const scan = await scanDrm();
    scan.problems.forEach(onProblem);
    return { panels: scan.panels, connected: scan.connected };
  }
  if (platform === 'win32') {
    try {
      const panels: PanelFacts[] = await queryWmiMonitors();
      return { panels, connected: panels.length };
    } catch (error) {
      onProblem(`WMI: ${(error as Error).message}`);
    }
  }
  return { panels: [], connected: null };
}

/** Measures the host side of the device facts; everything that cannot be read becomes null, never an error. */
export async function collectHostFacts(options: CollectOptions): Promise<HostFacts> {
  const env = options.env;
  const file = env.LBT_DEVICE_FACTS_FILE;
  if (file) return readFactsFile(file);
  const platform = options.platform ?? process.platform;
  const onProblem = options.onProblem ?? (() => undefined);
  const [{ panels, connected }, power, disk, audio] = await Promise.all([
    panelsFor(platform, onProblem),
    platform === 'linux' ? readLinuxPower() : Promise.resolve({ onBattery: null, batteryPercent: null }),
    readFreeDisk(options.dataDir),
    platform === 'linux' ? readLinuxAudio() : Promise.resolve({ outputDevices: null, source: null }),
  ]);
  return {
    panels,
    connectedDisplays: connected,
    power,
    disk,
    audio,
    os: readOs(),
    kioskAccount: detectKioskAccount(env, currentUsername()),
  };
}
