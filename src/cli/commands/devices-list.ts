import { parseArgs } from 'node:util';
import { listDevices } from '../../server/admin/devices';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';
import { DATA_OPTION, withServerDeps } from './server-options';

const USAGE = 'lbt devices list [--data DIR]';

/** `lbt devices list`: every enrolled kiosk with its gemeente and state. */
export const devicesList: CliCommand = {
  summary: 'list enrolled kiosks',
  run(args, env) {
    const parsed = parseCliArgs(() => parseArgs({ args, options: { ...DATA_OPTION } }), USAGE);
    if (!parsed) return 2;
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const devices = await listDevices(deps);
      if (devices.length === 0) console.log('No devices are enrolled.');
      for (const d of devices) {
        const state = d.revoked_at ? `revoked ${d.revoked_at}` : `enrolled ${d.enrolled_at}`;
        console.log(`${d.device_id}  ${d.gemeente.padEnd(16)} ${d.label.padEnd(24)} ${state}`);
      }
      return 0;
    });
  },
};
