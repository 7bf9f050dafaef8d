import { parseArgs } from 'node:util';
import { revokeDevice } from '../../server/admin/devices';
import type { CliCommand } from '../command';
import { auditCliChange, gemeenteOf } from './cli-audit';
import { parseCliArgs } from './parse-cli-args';
import { DATA_OPTION, withServerDeps } from './server-options';

const USAGE = 'lbt devices revoke <deviceId> [--data DIR]';

/** `lbt devices revoke`: refuses the device's uploads and roster requests from now on. */
export const devicesRevoke: CliCommand = {
  summary: 'revoke an enrolled kiosk (its results are refused from now on)',
  run(args, env) {
    const parsed = parseCliArgs(
      () => parseArgs({ args, allowPositionals: true, options: { ...DATA_OPTION } }),
      USAGE,
    );
    if (!parsed) return 2;
    const deviceId = parsed.positionals[0];
    if (!deviceId || parsed.positionals.length > 1) {
      console.error(`Name one device.\nUsage: ${USAGE}`);
      return 2;
    }
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const outcome = await revokeDevice(deps, deviceId);
      if (outcome === 'unknown') {
        console.error(`Device ${deviceId} is not enrolled.`);
        return 1;
      }
      if (outcome === 'revoked') {
        await auditCliChange(deps, {
          gemeente: await gemeenteOf(deps, { device: deviceId }),
          action: 'device.revoke',
          why: 'apparaatbeheer',
          subject: deviceId,
        });
      }
      console.log(
        outcome === 'revoked' ? `Device ${deviceId} is revoked.` : `Device ${deviceId} was already revoked.`,
      );
      return 0;
    });
  },
};
