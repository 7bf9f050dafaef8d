/**
 * Expired review rows also leave the database on a timer, not only at the next login. A login_failures row
 * holds a username and a client address, kept only to stop password guessing; after a spray of attempts and
 * then silence it would otherwise stay until somebody logged in again, which on a quiet dashboard can be days.
 * The same goes for expired web sessions. The writes keep pruning too (login-failures.ts, sessions.ts), so the
 * tables stay small under load; this bounds how long a row outlives its expiry when nothing happens.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables';

export const EXPIRY_SWEEP_MS = 5 * 60_000;

/** Deletes what has expired at `now`; answers how many rows of each kind went. */
export async function sweepExpired(
  db: Kysely<Database>,
  now: Date,
): Promise<{ sessions: number; failures: number }> {
  const at = now.toISOString();
  const sessions = await db.deleteFrom('web_sessions').where('expires_at', '<', at).executeTakeFirst();
  const failures = await db.deleteFrom('login_failures').where('expires_at', '<=', at).executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), failures: Number(failures.numDeletedRows) };
}

/** Sweeps every `intervalMs` until stopped; a failed sweep is logged and tried again next time. */
export function startExpirySweep(options: {
  db: Kysely<Database>;
  now: () => Date;
  intervalMs?: number;
  log: (error: unknown) => void;
}): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepExpired(options.db, options.now()).catch(options.log);
  }, options.intervalMs ?? EXPIRY_SWEEP_MS);
  // The sweep never keeps a stopping service alive.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      // A sweep in flight finishes before the database is closed under it.
      await running;
    },
  };
}
