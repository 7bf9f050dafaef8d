/** The roster serial in `meta`: read by every roster, bumped in the same transaction as every afnemer change. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables';

const KEY = 'roster-serial';

export async function readRosterSerial(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', KEY).executeTakeFirstOrThrow();
  return Number(row.value);
}

/** An atomic increment in SQL, so two administrators changing afnemers at once cannot reuse a serial. */
export async function bumpRosterSerial(trx: Transaction<Database>): Promise<void> {
  await trx
    .updateTable('meta')
    .set({ value: sql<string>`cast(cast(value as integer) + 1 as text)` })
    .where('key', '=', KEY)
    .execute();
}
