/**
 * The gemeente a result belongs to: the one its device was enrolled for when the sitting was opened, from
 * `device_enrollments` (migration 009). A device that moved to another gemeente keeps delivering results of
 * sittings taken before the move; those stay with the old gemeente. A sitting opened before the device's first
 * enrollment (a kiosk may test before it is enrolled) belongs to that first gemeente.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables';

export async function gemeenteAt(
  db: Kysely<Database>,
  deviceId: string,
  at: string,
  current: string,
): Promise<string> {
  const during = await db
    .selectFrom('device_enrollments')
    .select('gemeente')
    .where('device_id', '=', deviceId)
    .where('enrolled_from', '<=', at)
    .orderBy('enrolled_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (during) return during.gemeente;
  const first = await db
    .selectFrom('device_enrollments')
    .select('gemeente')
    .where('device_id', '=', deviceId)
    .orderBy('enrolled_from', 'asc')
    .limit(1)
    .executeTakeFirst();
  // No history at all cannot happen after migration 009; the device's current gemeente is then the only fact.
  return first?.gemeente ?? current;
}

/** Ends the device's open period and opens one for `gemeente`, inside the enrollment's transaction. */
export async function recordEnrollment(
  trx: Kysely<Database>,
  deviceId: string,
  gemeente: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('device_enrollments')
    .set({ enrolled_until: at })
    .where('device_id', '=', deviceId)
    .where('enrolled_until', 'is', null)
    .execute();
  await trx
    .insertInto('device_enrollments')
    .values({ device_id: deviceId, gemeente, enrolled_from: at, enrolled_until: null })
    // Two enrollments of one device in the same millisecond: the later code's gemeente wins.
    .onConflict((oc) => oc.columns(['device_id', 'enrolled_from']).doUpdateSet({ gemeente }))
    .execute();
}
