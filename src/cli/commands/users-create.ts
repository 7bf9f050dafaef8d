import { parseArgs } from 'node:util';
import { createUser, UserError } from '../../server/review/users';
import type { CliCommand } from '../command';
import { auditCliChange } from './cli-audit';
import { parseCliArgs } from './parse-cli-args';
import { DATA_HELP, DATA_OPTION, withServerDeps } from './server-options';
import { readSecretLine } from './read-secret';

const USAGE =
  'lbt users create --username U (--gemeente G --role viewer|consulent|beheerder|privacy | --role analist) [--password P] [--data DIR]';

const HELP = `Usage: ${USAGE}

Creates an account for the review dashboard. The user sees only the results of gemeente G (an analist:
only national aggregates).
  viewer     reads the tables and result sheets
  consulent  also records the chosen leerroute per result
  beheerder  also sees the item statistics (p-values, item-rest correlations) and manages accounts
  privacy    the privacy officer: the audit log, the retention period, data-subject requests; no results
  analist    national: aggregates over gemeenten with small counts hidden, never a result; takes no --gemeente

The password (at least 12 characters) is read from the first line of standard input, e.g.
  printf '%s\\n' "$PASSWORD" | npx lbt users create --username j.jansen --gemeente Utrecht --role consulent
--password P is for scripts only: a password on the command line ends up in the shell history.
${DATA_HELP}`;

/** `lbt users create`: a review-dashboard account with a scrypt password hash. */
export const usersCreate: CliCommand = {
  summary: 'create a review-dashboard account (viewer, consulent, beheerder, privacy or analist)',
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
            username: { type: 'string' },
            gemeente: { type: 'string' },
            role: { type: 'string' },
            password: { type: 'string' },
            ...DATA_OPTION,
          },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const { username, gemeente, role, password, data } = parsed.values;
    // Whether --gemeente belongs with the role is createUser's rule, so the CLI and tests refuse alike.
    if (!username || !role) {
      console.error(`--username and --role are required.\nUsage: ${USAGE}`);
      return 2;
    }
    const secret = password ?? (await readSecretLine('Wachtwoord (minstens 12 tekens): '));
    if (!secret) {
      console.error('No password: give it on standard input (first line) or with --password.');
      return 2;
    }
    return withServerDeps(env, data, async (deps) => {
      try {
        const user = await createUser(deps.db, deps.now(), { username, gemeente, role, password: secret });
        await auditCliChange(deps, {
          gemeente: user.gemeente,
          action: 'user.create',
          why: 'gebruikersbeheer',
          subject: user.username,
          detail: { role: user.role },
        });
        console.log(
          user.role === 'analist'
            ? `Created analist ${user.username} (national, no gemeente).`
            : `Created ${user.role} ${user.username} for gemeente ${user.gemeente}.`,
        );
        return 0;
      } catch (error) {
        if (error instanceof UserError) {
          console.error(error.message);
          return 2;
        }
        throw error;
      }
    });
  },
};
