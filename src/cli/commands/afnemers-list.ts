import { parseArgs } from 'node:util';
import { listAfnemers } from '../../server/admin/afnemers';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';
import { DATA_OPTION, withServerDeps } from './server-options';

const USAGE = 'lbt afnemers list [--data DIR]';

/** `lbt afnemers list`: the roster as the service holds it (never the PIN verifiers). */
export const afnemersList: CliCommand = {
  summary: 'list the afnemers on the roster',
  run(args, env) {
    const parsed = parseCliArgs(() => parseArgs({ args, options: { ...DATA_OPTION } }), USAGE);
    if (!parsed) return 2;
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const rows = await listAfnemers(deps);
      if (rows.length === 0) console.log('No afnemers are on the roster.');
      for (const a of rows) {
        console.log(
          `${a.afnemer_id.padEnd(12)} ${a.gemeente.padEnd(16)} ${a.name.padEnd(28)} until ${a.valid_until}  ${a.status}`,
        );
      }
      return 0;
    });
  },
};
