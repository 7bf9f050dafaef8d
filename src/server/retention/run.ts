/**
 * Applies the retention period (`lbt retention run`, and the service's daily timer): per gemeente, every result
 * closed before the cutoff is deleted with its leerroute, in one transaction with its audit entry (action
 * `retention.run`, the count and the cutoff; no candidate references, which would keep what was deleted). The
 * change-feed triggers (migration 020) fire on the deletes, so every instance's review tally drops them. Deleted, not
 * reduced: the national statistics this product keeps are aggregates, which do not need the row.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables';
import type { Dialect } from '../deps';
import { appendInTransaction, type AuditInput } from '../audit/append';
import { retentionCutoff, retentionMonths } from './policy';

export interface RetentionOutcome {
  gemeente: string;
  months: number;
  cutoff: string;
  deleted: number;
}

/** Deletes in batches so a first run over years of results does not hold one huge transaction. */
const BATCH = 1000;

export async function runRetention(
  db: Kysely<Database>,
  dialect: Dialect,
  now: Date,
  actor: Pick<AuditInput, 'actor' | 'role'> = { actor: 'service', role: 'system' },
  only?: string,
): Promise<RetentionOutcome[]> {
  const gemeenten =
    only !== undefined
      ? [{ gemeente: only }]
      : await db.selectFrom('results').select('gemeente').distinct().execute();
  const out: RetentionOutcome[] = [];
  for (const { gemeente } of gemeenten) {
    const months = await retentionMonths(db, gemeente);
    const cutoff = retentionCutoff(now, months);
    let deleted = 0;
    for (;;) {
      const batch = await db.transaction().execute(async (trx) => {
        const ids = (
          await trx
            .selectFrom('results')
            .select('result_id')
            .where('gemeente', '=', gemeente)
            .where('closed_at', '<', cutoff)
            .limit(BATCH)
            .execute()
        ).map((r) => r.result_id);
        if (ids.length === 0) return 0;
        await trx.deleteFrom('leerroutes').where('result_id', 'in', ids).execute();
        await trx.deleteFrom('results').where('result_id', 'in', ids).execute();
        await appendInTransaction(trx, dialect, now, {
          ...actor,
          gemeente,
          action: 'retention.run',
          why: 'bewaartermijn',
          detail: { deleted: ids.length, months, cutoff },
        });
        return ids.length;
      });
      deleted += batch;
      if (batch < BATCH) break;
    }
    out.push({ gemeente, months, cutoff, deleted });
  }
  return out;
}

export const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;

/** Runs the retention every `intervalMs` (a day) until stopped; a failed run is logged and tried again. */
export function startRetentionTimer(options: {
  db: Kysely<Database>;
  dialect: Dialect;
  now: () => Date;
  intervalMs?: number;
  log: (error: unknown) => void;
}): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = runRetention(options.db, options.dialect, options.now()).catch(options.log);
  }, options.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
