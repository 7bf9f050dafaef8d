/**
 * How long the service keeps a result (issue 20, item 4; docs/PRIVACY.md, "Bewaartermijn").
 *
 * Product decision: the default is the end of the inburgeringstermijn plus one year. The inburgeringstermijn is
 * three years from its start, and the LBT is taken at the start (during the brede intake), so the sitting's
 * closing time stands in for the start: 36 + 12 = 48 months after the sitting. A gemeente may set its own period
 * (`lbt retention set`, or the privacy officer in the dashboard), between 1 and 120 months.
 */
import type { Kysely } from 'kysely';
import { appendInTransaction, type AuditActor } from '../audit/append';
import type { Database } from '../db/tables';
import type { Dialect } from '../deps';

export const INBURGERINGSTERMIJN_MONTHS = 36;
export const RETENTION_DEFAULT_MONTHS = INBURGERINGSTERMIJN_MONTHS + 12;
export const RETENTION_MIN_MONTHS = 1;
export const RETENTION_MAX_MONTHS = 120;

export async function retentionMonths(db: Kysely<Database>, gemeente: string): Promise<number> {
  const row = await db
    .selectFrom('gemeente_settings')
    .select('retention_months')
    .where('gemeente', '=', gemeente)
    .executeTakeFirst();
  return row?.retention_months ?? RETENTION_DEFAULT_MONTHS;
}

/** Results closed before this moment are past the period at `now`. Calendar months, in UTC. */
export function retentionCutoff(now: Date, months: number): string {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff.toISOString();
}

/**
 * Sets a gemeente's period (null: back to the default). The setting and its `retention.set` audit entry commit
 * together, whoever sets it: the privacy officer in the dashboard or `lbt retention set`.
 */
export async function setRetentionMonths(
  db: Kysely<Database>,
  dialect: Dialect,
  now: Date,
  gemeente: string,
  months: number | null,
  by: AuditActor,
): Promise<void> {
  if (
    months !== null &&
    (!Number.isInteger(months) || months < RETENTION_MIN_MONTHS || months > RETENTION_MAX_MONTHS)
  ) {
    throw new RangeError(
      `The retention period is ${RETENTION_MIN_MONTHS}-${RETENTION_MAX_MONTHS} whole months (got ${months}).`,
    );
  }
  const row = { retention_months: months, updated_at: now.toISOString() };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('gemeente_settings')
      .values({ gemeente, ...row })
      .onConflict((oc) => oc.column('gemeente').doUpdateSet(row))
      .execute();
    await appendInTransaction(trx, dialect, now, {
      ...by,
      gemeente,
      action: 'retention.set',
      why: 'bewaartermijn',
      detail: { months },
    });
  });
}
