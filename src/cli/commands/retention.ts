import { parseArgs } from 'node:util';
import { CLI_ACTOR } from '../../server/audit/append';
import { RETENTION_DEFAULT_MONTHS, setRetentionMonths } from '../../server/retention/policy';
import { runRetention } from '../../server/retention/run';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';
import { DATA_OPTION, withServerDeps } from './server-options';

const RUN_USAGE = 'lbt retention run [--data DIR]';
const SET_USAGE = 'lbt retention set --gemeente G (--months N | --default) [--data DIR]';

/** `lbt retention run`: applies every gemeente's retention period now (the service also does so daily). */
export const retentionRun: CliCommand = {
  summary: 'delete results past their gemeente retention period (logged in the audit log)',
  run(args, env) {
    const parsed = parseCliArgs(() => parseArgs({ args, options: { ...DATA_OPTION } }), RUN_USAGE);
    if (!parsed) return 2;
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const outcome = await runRetention(deps.db, deps.dialect, deps.now(), CLI_ACTOR);
      for (const o of outcome) {
        console.log(`${o.gemeente.padEnd(16)} ${o.months} months, before ${o.cutoff}: ${o.deleted} deleted`);
      }
      return 0;
    });
  },
};

/** `lbt retention set`: a gemeente's own retention period, or back to the default. */
export const retentionSet: CliCommand = {
  summary: `set a gemeente's retention period in months (default ${RETENTION_DEFAULT_MONTHS})`,
  run(args, env) {
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          options: {
            ...DATA_OPTION,
            gemeente: { type: 'string' },
            months: { type: 'string' },
            default: { type: 'boolean' },
          },
        }),
      SET_USAGE,
    );
    if (!parsed) return 2;
    const { gemeente, months, default: toDefault } = parsed.values;
    if (!gemeente || (months === undefined) === (toDefault !== true)) {
      console.error(`usage: ${SET_USAGE}`);
      return 2;
    }
    return withServerDeps(env, parsed.values.data, async (deps) => {
      await setRetentionMonths(
        deps.db,
        deps.dialect,
        deps.now(),
        gemeente,
        toDefault ? null : Number(months),
        CLI_ACTOR,
      );
      console.log(
        `${gemeente}: retention ${toDefault ? `default (${RETENTION_DEFAULT_MONTHS})` : months} months`,
      );
      return 0;
    });
  },
};
