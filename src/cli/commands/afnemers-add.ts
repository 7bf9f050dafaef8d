import { parseArgs } from 'node:util';
import { upsertAfnemer } from '../../server/admin/afnemers';
import type { CliCommand } from '../command';
import { auditCliChange } from './cli-audit';
import { parseCliArgs } from './parse-cli-args';
import { DATA_HELP, DATA_OPTION, withServerDeps } from './server-options';
import { readSecretLine } from './read-secret';

const USAGE =
  'lbt afnemers add --id AFN-12345 --name N --gemeente G --valid-until YYYY-MM-DD [--pin PIN] [--data DIR]  (PIN on stdin)';

const HELP = `Usage: ${USAGE}

Adds a certified afnemer to the roster (or replaces an existing one's name, gemeente, validity and PIN).
The PIN (5 or 6 digits) is read from the first line of stdin, so it stays out of the shell history:
  echo 48213 | lbt afnemers add --id AFN-12345 --name "A. de Vries" --gemeente Utrecht --valid-until 2027-06-30
Only its scrypt verifier is stored. --pin PIN is for scripts and tests only (the PIN ends up in the
process list and the shell history).
${DATA_HELP}`;

/** `lbt afnemers add`: an afnemer on the signed roster; the roster serial grows. */
export const afnemersAdd: CliCommand = {
  summary: 'add (or replace) a certified afnemer on the roster; PIN from stdin',
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
            id: { type: 'string' },
            name: { type: 'string' },
            gemeente: { type: 'string' },
            'valid-until': { type: 'string' },
            pin: { type: 'string' },
            ...DATA_OPTION,
          },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const v = parsed.values;
    if (!v.id || !v.name || !v.gemeente || !v['valid-until']) {
      console.error(`--id, --name, --gemeente and --valid-until are required.\nUsage: ${USAGE}`);
      return 2;
    }
    const pin = v.pin ?? ((await readSecretLine('PIN (5 or 6 digits): ')) ?? '').trim();
    return withServerDeps(env, v.data, async (deps) => {
      const row = await upsertAfnemer(deps, {
        afnemerId: v.id!,
        name: v.name!,
        gemeente: v.gemeente!,
        validUntil: v['valid-until']!,
        pin,
      });
      // The id and the validity; never the name or the PIN.
      await auditCliChange(deps, {
        gemeente: row.gemeente,
        action: 'afnemer.save',
        why: 'gebruikersbeheer',
        subject: row.afnemer_id,
        detail: { validUntil: row.valid_until },
      });
      console.log(
        `Afnemer ${row.afnemer_id} (${row.name}, ${row.gemeente}) is on the roster until ${row.valid_until}.`,
      );
      return 0;
    });
  },
};
