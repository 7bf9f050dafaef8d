/**
 * `lbt users disable|delete|reset-password|revoke-sessions|list`: managing review accounts from the command
 * line (the operator's view of every gemeente). The operations are src/server/review/user-admin.ts, the same
 * the beheerder's "Gebruikers" view calls.
 */
import { parseArgs } from 'node:util';
import {
  deleteUser,
  disableUser,
  listUsers,
  resetPassword,
  revokeSessions,
} from '../../server/review/user-admin';
import { UserError } from '../../server/review/users';
import type { ServerDeps } from '../../server/deps';
import type { AuditAction } from '../../shared/review';
import type { CliCommand } from '../command';
import { auditCliChange, gemeenteOf } from './cli-audit';
import { parseCliArgs } from './parse-cli-args';
import { readSecretLine } from './read-secret';
import { DATA_OPTION, withServerDeps } from './server-options';

/** One `lbt users <verb> <username>` command; `act` prints what it did. */
function oneUser(
  verb: string,
  summary: string,
  action: AuditAction,
  act: (deps: ServerDeps, username: string, password: string | undefined) => Promise<string>,
  withPassword = false,
): CliCommand {
  const usage = `lbt users ${verb} <username>${withPassword ? ' [--password P]' : ''} [--data DIR]`;
  return {
    summary,
    async run(args, env) {
      const parsed = parseCliArgs(
        () =>
          parseArgs({
            args,
            allowPositionals: true,
            options: { ...DATA_OPTION, ...(withPassword ? { password: { type: 'string' as const } } : {}) },
          }),
        usage,
      );
      if (!parsed) return 2;
      const username = parsed.positionals[0];
      if (!username || parsed.positionals.length > 1) {
        console.error(`Name one user.\nUsage: ${usage}`);
        return 2;
      }
      let password: string | undefined;
      if (withPassword) {
        const given = (parsed.values as { password?: string }).password;
        // From the first line of standard input, as `users create`: a password on the command line is kept
        // in the shell history.
        password =
          given ?? (await readSecretLine('Tijdelijk wachtwoord (minstens 12 tekens): ')) ?? undefined;
        if (!password) {
          console.error('No password: give it on standard input (first line) or with --password.');
          return 2;
        }
      }
      return withServerDeps(env, parsed.values.data, async (deps) => {
        try {
          const gemeente = await gemeenteOf(deps, { user: username });
          const said = await act(deps, username, password);
          await auditCliChange(deps, { gemeente, action, why: 'gebruikersbeheer', subject: username });
          console.log(said);
          return 0;
        } catch (error) {
          if (error instanceof UserError) {
            console.error(error.message);
            return error.notFound ? 1 : 2;
          }
          throw error;
        }
      });
    },
  };
}

export const usersDisable = oneUser(
  'disable',
  'disable a review account (it cannot log in; its open sessions end at once)',
  'user.disable',
  async (deps, username) => {
    await disableUser(deps.db, deps.now(), username, undefined);
    return `User ${username} is disabled; its sessions are ended.`;
  },
);

export const usersDelete = oneUser(
  'delete',
  'delete a review account and its sessions',
  'user.delete',
  async (deps, username) => {
    await deleteUser(deps.db, username, undefined);
    return `User ${username} is deleted.`;
  },
);

export const usersResetPassword = oneUser(
  'reset-password',
  'set a temporary password that must be changed at the next login; ends every session',
  'user.reset-password',
  async (deps, username, password) => {
    await resetPassword(deps.db, username, password!, undefined);
    return `User ${username} has a temporary password and must choose a new one at the next login.`;
  },
  true,
);

export const usersRevokeSessions = oneUser(
  'revoke-sessions',
  'end every open dashboard session of a review account',
  'user.revoke-sessions',
  async (deps, username) => {
    const ended = await revokeSessions(deps.db, username, undefined);
    return `Ended ${ended} session(s) of ${username}.`;
  },
);

const LIST_USAGE = 'lbt users list [--data DIR]';

export const usersList: CliCommand = {
  summary: 'list the review accounts (gemeente, role, state, open sessions)',
  run(args, env) {
    const parsed = parseCliArgs(() => parseArgs({ args, options: { ...DATA_OPTION } }), LIST_USAGE);
    if (!parsed) return 2;
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const users = await listUsers(deps.db, deps.now(), undefined);
      if (users.length === 0) console.log('No review accounts.');
      for (const u of users) {
        const state = u.disabled ? 'disabled' : u.mustChangePassword ? 'must-change-password' : 'active';
        console.log(`${u.gemeente}\t${u.username}\t${u.role}\t${state}\t${u.sessions} session(s)`);
      }
      return 0;
    });
  },
};
