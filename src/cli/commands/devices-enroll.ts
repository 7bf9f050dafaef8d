import { parseArgs } from 'node:util';
import { issueEnrollmentCode } from '../../server/admin/enrollment-codes';
import type { CliCommand } from '../command';
import { auditCliChange } from './cli-audit';
import { parseCliArgs } from './parse-cli-args';
import { DATA_HELP, DATA_OPTION, withServerDeps } from './server-options';

const USAGE = 'lbt devices enroll --gemeente G [--label L] [--data DIR]';

/** `lbt devices enroll`: prints a one-time code a kiosk redeems within 7 days to enroll with its key. */
export const devicesEnroll: CliCommand = {
  summary: 'issue a one-time enrollment code for a kiosk',
  run(args, env) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(
        `Usage: ${USAGE}\n\n  --gemeente G  the gemeente the kiosk's results belong to\n  --label L     a name for the kiosk (default: the gemeente)\n${DATA_HELP}`,
      );
      return 0;
    }
    const parsed = parseCliArgs(
      () =>
        parseArgs({
          args,
          options: { gemeente: { type: 'string' }, label: { type: 'string' }, ...DATA_OPTION },
        }),
      USAGE,
    );
    if (!parsed) return 2;
    const { gemeente, label, data } = parsed.values;
    if (!gemeente?.trim()) {
      console.error(`--gemeente is required.\nUsage: ${USAGE}`);
      return 2;
    }
    return withServerDeps(env, data, async (deps) => {
      const issued = await issueEnrollmentCode(deps, { gemeente, ...(label ? { label } : {}) });
      // The label and the expiry; never the code itself.
      await auditCliChange(deps, {
        gemeente: issued.gemeente,
        action: 'device.enrollment-code',
        why: 'apparaatbeheer',
        subject: issued.label,
        detail: { expiresAt: issued.expiresAt },
      });
      console.log(`Enrollment code for ${issued.label} (${issued.gemeente}):\n\n  ${issued.code}\n`);
      console.log(`Valid once, until ${issued.expiresAt}. The code is not stored; write it down now.`);
      return 0;
    });
  },
};
