import { parseArgs } from 'node:util';
import { revokeAfnemer } from '../../server/admin/afnemers';
import type { CliCommand } from '../command';
import { auditCliChange, gemeenteOf } from './cli-audit';
import { parseCliArgs } from './parse-cli-args';
import { DATA_OPTION, withServerDeps } from './server-options';

const USAGE = 'lbt afnemers revoke <afnemerId> [--data DIR]';

/** `lbt afnemers revoke`: the next roster lists the afnemer as revoked; kiosks refuse their login. */
export const afnemersRevoke: CliCommand = {
  summary: 'revoke an afnemer (the next roster says so)',
  run(args, env) {
    const parsed = parseCliArgs(
      () => parseArgs({ args, allowPositionals: true, options: { ...DATA_OPTION } }),
      USAGE,
    );
    if (!parsed) return 2;
    const id = parsed.positionals[0];
    if (!id || parsed.positionals.length > 1) {
      console.error(`Name one afnemer.\nUsage: ${USAGE}`);
      return 2;
    }
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const gemeente = await gemeenteOf(deps, { afnemer: id });
      if (!(await revokeAfnemer(deps, id))) {
        console.error(`Afnemer ${id} is not on the roster.`);
        return 1;
      }
      await auditCliChange(deps, {
        gemeente,
        action: 'afnemer.revoke',
        why: 'gebruikersbeheer',
        subject: id.toUpperCase(),
      });
      console.log(`Afnemer ${id.toUpperCase()} is revoked.`);
      return 0;
    });
  },
};
