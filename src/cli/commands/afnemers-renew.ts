import { parseArgs } from 'node:util';
import { renewAfnemer } from '../../server/admin/afnemers';
import type { CliCommand } from '../command';
import { auditCliChange, gemeenteOf } from './cli-audit';
import { parseCliArgs } from './parse-cli-args';
import { DATA_OPTION, withServerDeps } from './server-options';

const USAGE = 'lbt afnemers renew <afnemerId> --valid-until YYYY-MM-DD [--data DIR]';

/** `lbt afnemers renew`: a new validity date (also re-activates a revoked afnemer). */
export const afnemersRenew: CliCommand = {
  summary: "set an afnemer's new certificate end date",
  run(args, env) {
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          allowPositionals: true,
          options: { 'valid-until': { type: 'string' }, ...DATA_OPTION },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const id = parsed.positionals[0];
    const validUntil = parsed.values['valid-until'];
    if (!id || !validUntil || parsed.positionals.length > 1) {
      console.error(`Name one afnemer and --valid-until.\nUsage: ${USAGE}`);
      return 2;
    }
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const gemeente = await gemeenteOf(deps, { afnemer: id });
      if (!(await renewAfnemer(deps, id, validUntil))) {
        console.error(`Afnemer ${id} is not on the roster.`);
        return 1;
      }
      await auditCliChange(deps, {
        gemeente,
        action: 'afnemer.renew',
        why: 'gebruikersbeheer',
        subject: id.toUpperCase(),
        detail: { validUntil },
      });
      console.log(`Afnemer ${id.toUpperCase()} is valid until ${validUntil}.`);
      return 0;
    });
  },
};
