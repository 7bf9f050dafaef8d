import { parseArgs } from 'node:util';
import { verifyAuditLog } from '../../server/audit/verify';
import type { CliCommand } from '../command';
import { parseCliArgs } from './parse-cli-args';
import { DATA_OPTION, withServerDeps } from './server-options';

const USAGE = 'lbt audit verify [--data DIR] [--head HASH]';

/**
 * `lbt audit verify`: checks the audit log's hash chain and names the first broken entry (exit 1). A valid chain
 * prints its head; `--head` compares with a head recorded earlier, which is how a removed tail is found.
 */
export const auditVerify: CliCommand = {
  summary: 'check the audit log hash chain',
  run(args, env) {
    const parsed = parseCliArgs(
      () => parseArgs({ args, options: { ...DATA_OPTION, head: { type: 'string' } } }),
      USAGE,
    );
    if (!parsed) return 2;
    return withServerDeps(env, parsed.values.data, async (deps) => {
      const verdict = await verifyAuditLog(deps.db);
      if (!verdict.ok) {
        console.error(
          `audit log BROKEN at entry ${verdict.brokenAt}: ${verdict.reason}; ${verdict.entries} entries before it verify.`,
        );
        return 1;
      }
      const expected = parsed.values.head;
      if (expected !== undefined && !(await headSeen(deps.db, expected))) {
        console.error(`audit log: the recorded head ${expected} is not in the chain (entries removed?).`);
        return 1;
      }
      console.log(`audit log OK: ${verdict.entries} entries, head ${verdict.head}`);
      return 0;
    });
  },
};

async function headSeen(db: Parameters<typeof verifyAuditLog>[0], hash: string): Promise<boolean> {
  const row = await db.selectFrom('audit_log').select('seq').where('hash', '=', hash).executeTakeFirst();
  return row !== undefined;
}
