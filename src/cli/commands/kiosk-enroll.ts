import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../../host/session/data-dir';
import { EnrollError, enrollDevice } from '../../host/service-link/enroll';
import { checkCliValues, cliInteger } from '../cli-values';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';

const USAGE = 'lbt kiosk enroll --server <url> --code <CODE> [--data <dir>] [--retention-days N]';

const HELP = `Usage: ${USAGE}

Enrolls this kiosk with a results service: sends the device's public key with the one-time code that
"lbt devices enroll" printed on the service, and pins the service's signing key in <data dir>/service.json.
From then on the kiosk uploads its results there and fetches the roster of afnemers.

  --server <url>        the results service, e.g. https://resultaten.example.nl
  --code <CODE>         the one-time enrollment code, like ABCD-EFGH-JKMN-PQRS
  --data <dir>          the kiosk's data dir (default: LBT_DATA_DIR or the per-user data dir)
  --retention-days N    days a delivered result stays on the kiosk before it is removed (default 30)

Creates the device identity when the data dir has none. Exit 0 when enrolled; 1 when the service refused
or could not be reached; 2 for bad arguments.`;

/** `lbt kiosk enroll`: redeem an enrollment code and pin the server key. */
export const kioskEnroll: CliCommand = {
  summary: 'enroll this kiosk with a results service (one-time code)',
  async run(args, env) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return 0;
    }
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          options: {
            server: { type: 'string' },
            code: { type: 'string' },
            data: { type: 'string' },
            'retention-days': { type: 'string' },
          },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const { values } = parsed;
    if (!values.server || !values.code) {
      console.error(`Both --server and --code are required.\nUsage: ${USAGE}`);
      return 2;
    }
    const numbers = checkCliValues(
      {
        'retention-days': cliInteger('--retention-days', {
          min: 0,
          max: 3650,
          what: 'a whole number of days (0 to 3650)',
        }).optional(),
      },
      values,
    );
    if (!numbers) return 2;
    const retentionDays = numbers['retention-days'];
    if (!/^https?:\/\/[^/]+/.test(values.server)) {
      console.error(`--server must be an http(s) URL, not "${values.server}".`);
      return 2;
    }
    const dataDir = values.data ? resolve(values.data) : resolveDataDir(env);
    try {
      const { link, file } = await enrollDevice({
        dataDir,
        serverUrl: values.server,
        code: values.code,
        ...(retentionDays !== undefined ? { retentionDays } : {}),
      });
      console.log(`Enrolled ${link.deviceId} for ${link.gemeente} at ${link.url}.`);
      console.log(`Pinned server key ${link.serverKey.keyId} in ${file}.`);
      return 0;
    } catch (error) {
      if (error instanceof EnrollError) {
        console.error(`Not enrolled: ${error.message}.`);
        return 1;
      }
      throw error;
    }
  },
};
