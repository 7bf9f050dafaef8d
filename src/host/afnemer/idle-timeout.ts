/**
 * LBT_AFNEMER_IDLE_MINUTES, read once at start through the host's config schema (src/shared/config/host.ts):
 * how long a logged-in afnemer may leave the console untouched before the host signs them out (console.ts). A
 * kiosk left logged in lets whoever walks up start a sitting in the afnemer's name, so an unreadable value stops
 * the host with an error rather than turning the timeout off.
 */
import { AfnemerIdleMinutesEnv } from '../../shared/config';
import { formatIssues } from '../../shared/json';

export { DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES } from '../../shared/config/host';

export class AfnemerIdleConfigError extends Error {
  override name = 'AfnemerIdleConfigError';
}

export function afnemerIdleMinutesFromEnv(env: Record<string, string | undefined>): number {
  const parsed = AfnemerIdleMinutesEnv.safeParse(env.LBT_AFNEMER_IDLE_MINUTES);
  if (!parsed.success) throw new AfnemerIdleConfigError(formatIssues(parsed.error));
  return parsed.data;
}
