import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEVICE_IDENTITY_FILE } from '../../host/identity';
import { readTextIfExists } from '../../host/keys/durable-fs';
import { ExportError, Outbox } from '../../host/outbox';
import { resolveDataDir } from '../../host/session/data-dir';
import { publicIdentity } from '../../host/service-link/enroll';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';

const USAGE = 'lbt results export [--data <dir>] [--out <file>]';

const HELP = `Usage: ${USAGE}

Writes every result of this kiosk that the results service has not yet confirmed to ONE export file
(lbt.results-export/1), e.g. for a USB stick when the kiosk cannot reach the service. The results stay
on the kiosk, marked "exported", and are still uploaded later; "lbt results import <file>" on the service
side sends them through the same checks as an upload.

  --data <dir>   the kiosk's data dir (default: LBT_DATA_DIR or the per-user data dir)
  --out <file>   the file to write (must not exist); default: a new file in LBT_EXPORT_DIR or <data dir>/exports

Exit 0 with the file name; 1 when there is nothing to export or the file cannot be written; 2 for bad arguments.`;

/** `lbt results export`: the export fallback from the command line (the console has the same button). */
export const resultsExport: CliCommand = {
  summary: 'write the results not yet delivered to one export file',
  async run(args, env) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return 0;
    }
    const parsed = parseCliArgs(
      () => parseArgs({ args, options: { data: { type: 'string' }, out: { type: 'string' } } }),
      USAGE,
    );
    if (!parsed) return 2;
    const dataDir = parsed.values.data ? resolve(parsed.values.data) : resolveDataDir(env);
    // Without an identity this data dir never stored a result; do not create one just to export nothing.
    if ((await readTextIfExists(join(dataDir, DEVICE_IDENTITY_FILE))) === null) {
      console.error(`${dataDir} has no device identity: no results were ever stored there.`);
      return 1;
    }
    const { deviceId } = await publicIdentity(dataDir);
    const outbox = new Outbox({
      dataDir,
      deviceId,
      ...(env.LBT_EXPORT_DIR ? { exportDir: env.LBT_EXPORT_DIR } : {}),
      log: (message) => console.error(message),
    });
    try {
      const out = parsed.values.out ? resolve(parsed.values.out) : undefined;
      const { file, count } = await outbox.export(out);
      console.log(`Exported ${count} result(s) to ${file}`);
      return 0;
    } catch (error) {
      if (error instanceof ExportError) {
        console.error(error.message);
        return 1;
      }
      throw error;
    } finally {
      await outbox.close();
    }
  },
};
