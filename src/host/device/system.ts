import { readFile, statfs } from 'node:fs/promises';
import os from 'node:os';
import type { HostFacts } from '../../shared/device';

/** Free space for an unprivileged user where the journal and outbox are written. */
export async function readFreeDisk(path: string): Promise<HostFacts['disk']> {
  try {
    const stats = await statfs(path);
    return { path, freeMegabytes: Math.floor((stats.bavail * stats.bsize) / (1024 * 1024)) };
  } catch {
    return { path, freeMegabytes: null };
  }
}

/** Sound cards ALSA knows (Linux); elsewhere unknown. The audio test is the real check. */
export async function readLinuxAudio(cards = '/proc/asound/cards'): Promise<HostFacts['audio']> {
  const text = await readFile(cards, 'utf8').catch(() => null);
  if (text === null) return { outputDevices: null, source: null };
  const count = text.split('\n').filter((line) => /^\s*\d+\s+\[/.test(line)).length;
  return { outputDevices: count, source: 'alsa' };
}

export function readOs(): HostFacts['os'] {
  return { platform: os.platform(), release: os.release(), arch: os.arch(), version: os.version?.() ?? null };
}

/** The account build/kiosk/ creates, and the variable its launchers set. */
export const KIOSK_ACCOUNT_NAME = 'lbt-kiosk';
export const KIOSK_ACCOUNT_ENV = 'LBT_KIOSK_ACCOUNT';

export function detectKioskAccount(
  env: { [KIOSK_ACCOUNT_ENV]?: string | undefined },
  username: string | null,
): HostFacts['kioskAccount'] {
  if (env[KIOSK_ACCOUNT_ENV] === '1') return { detected: true, account: username, via: 'env' };
  if (username?.toLowerCase() === KIOSK_ACCOUNT_NAME)
    return { detected: true, account: username, via: 'username' };
  return { detected: false, account: username, via: null };
}

export function currentUsername(): string | null {
  try {
    return os.userInfo().username;
  } catch {
    return null;
  }
}
