/**
 * The kiosk host's environment (Chromium host and Electron main), read once at start by readHostConfig.
 * docs/OPERATIONS.md lists every variable with its default.
 */
import { z } from 'zod';
import { envEnum, envInteger, readConfig, unsetIfEmpty } from './env';

export const DEFAULT_IDLE_MINUTES = 10;
/** A working day: longer would be no timeout at all. */
export const MAX_IDLE_MINUTES = 480;

export const AfnemerGateEnv = unsetIfEmpty(
  z
    .enum(['always', 'when-enrolled'], {
      error: (issue) =>
        `LBT_AFNEMER_GATE=${JSON.stringify(issue.input)} is not a gate this host knows. Use "always" (the default: ` +
        'every sitting needs a logged-in afnemer) or, for development only, "when-enrolled" (no afnemer ' +
        'needed until the kiosk is enrolled).',
    })
    .default('always'),
);

export const AfnemerIdleMinutesEnv = unsetIfEmpty(
  envInteger(
    'LBT_AFNEMER_IDLE_MINUTES',
    1,
    MAX_IDLE_MINUTES,
    `. Leave it unset for the default (${DEFAULT_IDLE_MINUTES}): an afnemer who does nothing for ` +
      'that long is signed out of the console.',
    'a number of minutes',
  ).default(DEFAULT_IDLE_MINUTES),
);

const optionalPath = unsetIfEmpty(z.string().optional());

export const HostConfig = z.object({
  LBT_DATA_DIR: optionalPath,
  LBT_EXPORT_DIR: optionalPath,
  LBT_AFNEMER_GATE: AfnemerGateEnv,
  LBT_AFNEMER_IDLE_MINUTES: AfnemerIdleMinutesEnv,
  LBT_DEVICE_FACTS_FILE: optionalPath,
  LBT_KIOSK_ACCOUNT: unsetIfEmpty(envEnum('LBT_KIOSK_ACCOUNT', ['1', '0'] as const).optional()),
  LBT_CHROMIUM_PATH: optionalPath,
  LBT_HOST_PORT: unsetIfEmpty(envInteger('LBT_HOST_PORT', 0, 65535, ' (0: any free port)').default(0)),
  LBT_ITEMS_DIR: optionalPath,
  LBT_TRUSTED_PUBLISHERS: optionalPath,
  // Set by the operating system, read here once like ours: where the per-user data dir goes
  // (src/host/session/data-dir.ts) and whether the Chromium host has a screen to open a browser on.
  LOCALAPPDATA: optionalPath,
  XDG_DATA_HOME: optionalPath,
  DISPLAY: unsetIfEmpty(z.string().optional()),
  WAYLAND_DISPLAY: unsetIfEmpty(z.string().optional()),
});
export type HostConfig = z.output<typeof HostConfig>;

export function readHostConfig(env: Record<string, string | undefined>): HostConfig {
  return readConfig(HostConfig, env);
}
