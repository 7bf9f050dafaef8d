/**
 * One check thread: parses, schema-checks, canonicalizes, verifies and re-scores uploaded results
 * (`checkResult`) so that several cores share the work of `POST /v1/results`. It reads the devices table through
 * its own connection, so a revocation is seen on the very next upload, exactly as on the request thread.
 */
import { sql } from 'kysely';
import { parentPort, workerData } from 'node:worker_threads';
import { connectDatabase } from '../db/open';
import { ProblemError } from '../http/problem';
import { indexPackages } from '../packages';
import { checkResult } from './check';
import type { CheckReply, CheckThreadData, ThreadStatus, ToThread } from './check-thread-protocol';

const port = parentPort!;
const data = workerData as CheckThreadData;
const packages = indexPackages(data.packages, data.damaged);
// Two connections on PostgreSQL: lookups of concurrent checks need not queue behind each other.
const { db } = connectDatabase(data.location, 2);

const status = (message: ThreadStatus) => port.postMessage(message);
const reply = (message: CheckReply) => port.postMessage(message);

try {
  // A connection that cannot be made shows now, when the service starts, not on the first upload.
  await sql`select 1`.execute(db);
  status({ kind: 'ready' });
} catch (error) {
  status({ kind: 'failed', message: (error as Error).message });
  await db.destroy().catch(() => {});
  port.close();
}

port.on('message', (message: ToThread) => {
  if (message.kind === 'close') {
    void db.destroy().finally(() => port.close());
    return;
  }
  const { id, text } = message;
  checkResult(db, packages, text).then(
    ({ envelopeText: _kept, ...checked }) => reply({ kind: 'checked', id, checked }),
    (error: unknown) => {
      if (error instanceof ProblemError) {
        reply({
          kind: 'refused',
          id,
          problem: {
            status: error.statusCode,
            code: error.code,
            detail: error.detail,
            ...(error.issues ? { issues: error.issues } : {}),
          },
        });
      } else {
        reply({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
      }
    },
  );
});
