/**
 * The `lbt` CLI's environment: its kiosk commands read the host's variables and its server commands the
 * service's, so the CLI's schema is the two together, read once in src/cli/main.
 */
import type { z } from 'zod';
import { readConfig } from './env';
import { HostConfig } from './host';
import { ServerConfig } from './server';

export const CliConfig = HostConfig.pick({
  LBT_DATA_DIR: true,
  LBT_EXPORT_DIR: true,
  LOCALAPPDATA: true,
  XDG_DATA_HOME: true,
}).extend(ServerConfig.shape);
export type CliConfig = z.output<typeof CliConfig>;

export function readCliConfig(env: Record<string, string | undefined>): CliConfig {
  return readConfig(CliConfig, env);
}
