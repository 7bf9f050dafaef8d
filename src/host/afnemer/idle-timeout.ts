/**
 * LBT_AFNEMER_IDLE_MINUTES, read once at start: how long a logged-in afnemer may leave the console untouched
 * before the host signs them out (console.ts). A kiosk left logged in lets whoever walks up start a sitting in
 * the afnemer's name, so an unreadable value stops the host with an error rather than turning the timeout off.
 */
export const DEFAULT_IDLE_MINUTES = 10;
/** A working day: longer would be no timeout at all. */
export const MAX_IDLE_MINUTES = 480;

export class AfnemerIdleConfigError extends Error {
  override name = 'AfnemerIdleConfigError';
}

export function afnemerIdleMinutesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LBT_AFNEMER_IDLE_MINUTES;
  if (raw === undefined || raw === '') return DEFAULT_IDLE_MINUTES;
  const minutes = Number(raw);
  if (!/^\d+$/.test(raw) || minutes < 1 || minutes > MAX_IDLE_MINUTES) {
    throw new AfnemerIdleConfigError(
      `LBT_AFNEMER_IDLE_MINUTES=${JSON.stringify(raw)} is not a number of minutes from 1 to ${MAX_IDLE_MINUTES}. ` +
        `Leave it unset for the default (${DEFAULT_IDLE_MINUTES}): an afnemer who does nothing for that long ` +
        'is signed out of the console.',
    );
  }
  return minutes;
}
