/**
 * Keeps the cached roster fresh while the kiosk runs: once at start and every few minutes after, whenever the
 * kiosk is enrolled. Failures only go to the log: the cached roster stays in use until a newer one verifies.
 */
import type { DeviceSigner } from './device-request';
import { readServiceLink } from './link-file';
import { refreshRoster, type RosterKey } from './roster';

export const ROSTER_REFRESH_MS = 5 * 60_000;

export interface RosterRefresher {
  /** One fetch now; resolves when it is done (never rejects). */
  refreshNow(): Promise<void>;
  close(): void;
}

export function startRosterRefresher(options: {
  dataDir: string;
  device: DeviceSigner;
  rosterKey: RosterKey;
  intervalMs?: number;
  log: (message: string, error?: unknown) => void;
}): RosterRefresher {
  let running: Promise<void> | null = null;
  const refreshNow = (): Promise<void> => {
    running ??= (async () => {
      try {
        const link = await readServiceLink(options.dataDir);
        if (!link) return;
        const { roster, changed } = await refreshRoster({
          dataDir: options.dataDir,
          link,
          device: options.device,
          rosterKey: options.rosterKey,
        });
        if (changed)
          options.log(`roster: serial ${roster.serial} with ${roster.afnemers.length} afnemers cached`);
      } catch (error) {
        const detail = (error as { detail?: string }).detail ?? (error as Error).message;
        options.log(`roster: not refreshed (${detail})`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void refreshNow(), options.intervalMs ?? ROSTER_REFRESH_MS);
  // The refresher never keeps a stopping host alive.
  timer.unref();
  void refreshNow();
  return { refreshNow, close: () => clearInterval(timer) };
}
