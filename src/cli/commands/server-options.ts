/**
 * What the server and admin commands share: `--data DIR` (default ./.lbt-server) or `DATABASE_URL`, opened
 * through the service's own modules (migrations included), so the CLI writes exactly what the service reads.
 */
import { resolve } from 'node:path';
import type { CliConfig } from '../../shared/config/cli';
import { DEFAULT_SERVER_DATA_DIR } from '../../server/admin/data-dir';
import type { ServerDeps } from '../../server/deps';
import { openServerDeps } from '../../server/open-deps';

export const DATA_OPTION = { data: { type: 'string', default: DEFAULT_SERVER_DATA_DIR } } as const;

export const DATA_HELP = `  --data DIR   the service's data directory (default ./${DEFAULT_SERVER_DATA_DIR}); with DATABASE_URL set,
               the PostgreSQL database named there is used instead of the SQLite file in DIR`;

/** Runs `work` on the opened database and closes it; a failure to open is printed, exit 1. */
export async function withServerDeps(
  env: Pick<CliConfig, 'DATABASE_URL'>,
  dataDir: string,
  work: (deps: ServerDeps) => Promise<number>,
): Promise<number> {
  let opened;
  try {
    opened = await openServerDeps({ dataDir: resolve(dataDir), databaseUrl: env.DATABASE_URL ?? '' });
  } catch (error) {
    console.error(`Cannot open the results database: ${(error as Error).message}`);
    return 1;
  }
  try {
    return await work(opened.deps);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    await opened.close();
  }
}
