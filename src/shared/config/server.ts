/** The results service's environment, read once at start by readServerConfig (docs/OPERATIONS.md lists it). */
import { z } from 'zod';
import { envEnum, readConfig, unsetIfEmpty } from './env';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const ServerConfig = z.object({
  /** PostgreSQL connection string; unset = SQLite in the data dir. */
  DATABASE_URL: unsetIfEmpty(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, {
        error: (issue) =>
          `DATABASE_URL=${JSON.stringify(issue.input)} is not allowed: use a postgres:// or postgresql:// URL, or leave it unset for SQLite`,
      })
      .optional(),
  ),
  /** The server key as PKCS#8 PEM; unset = the key file in the data dir. */
  LBT_SERVER_KEY: unsetIfEmpty(
    z
      .string()
      .regex(/^\s*-----BEGIN PRIVATE KEY-----/, {
        // Never the value itself: it is the service's private key, or a mistake that may hold one.
        error: () =>
          'LBT_SERVER_KEY is not allowed: use a PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----"), or leave it unset for the key file',
      })
      .optional(),
  ),
  LBT_REVIEW_DIR: unsetIfEmpty(z.string().optional()),
  LOG_LEVEL: unsetIfEmpty(envEnum('LOG_LEVEL', LOG_LEVELS).default('info')),
});
export type ServerConfig = z.output<typeof ServerConfig>;

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  return readConfig(ServerConfig, env);
}
