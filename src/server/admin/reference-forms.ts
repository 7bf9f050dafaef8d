/**
 * Each gemeente's candidate reference form (issue 20, item 6; src/shared/afnemer/reference-form.ts). Every change
 * is a new row, so the form in force at any moment stays known (ingest judges a result by the form of its
 * sitting), and bumps the roster serial in the same transaction, so kiosks fetch the roster that carries it. The
 * change and its audit entry (`reference-form.set` / `.clear`, why `referentievorm`) commit together too.
 */
import type { Kysely } from 'kysely';
import { ReferenceForm } from '../../shared/afnemer/reference-form';
import { appendInTransaction, type AuditActor } from '../audit/append';
import type { Database } from '../db/tables';
import type { Dialect } from '../deps';
import { bumpRosterSerial } from './roster-serial';

export async function setReferenceForm(
  db: Kysely<Database>,
  dialect: Dialect,
  now: Date,
  gemeente: string,
  form: ReferenceForm | null,
  by: AuditActor,
): Promise<void> {
  const checked = form === null ? null : ReferenceForm.parse(form);
  await db.transaction().execute(async (trx) => {
    // Two changes in one millisecond would collide on the key: the later one moves on by a millisecond.
    const last = await trx
      .selectFrom('reference_forms')
      .select('set_at')
      .where('gemeente', '=', gemeente)
      .orderBy('set_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    let at = now.getTime();
    if (last && Date.parse(last.set_at) >= at) at = Date.parse(last.set_at) + 1;
    await trx
      .insertInto('reference_forms')
      .values({
        gemeente,
        set_at: new Date(at).toISOString(),
        form: checked === null ? null : JSON.stringify(checked),
        set_by: by.actor,
      })
      .execute();
    await bumpRosterSerial(trx);
    // The masks and the check say what changed; the example is left out (it could be a real client number).
    await appendInTransaction(trx, dialect, now, {
      ...by,
      gemeente,
      action: checked === null ? 'reference-form.clear' : 'reference-form.set',
      why: 'referentievorm',
      detail: checked === null ? {} : { masks: checked.masks.join(' '), checkDigit: checked.checkDigit },
    });
  });
}

/** The form in force at `at` (ISO time; default: the latest), or null when none was set or it was cleared. */
export async function referenceFormAt(
  db: Kysely<Database>,
  gemeente: string,
  at?: string,
): Promise<ReferenceForm | null> {
  let query = db
    .selectFrom('reference_forms')
    .select('form')
    .where('gemeente', '=', gemeente)
    .orderBy('set_at', 'desc')
    .limit(1);
  if (at !== undefined) query = query.where('set_at', '<=', at);
  const row = await query.executeTakeFirst();
  return row?.form ? ReferenceForm.parse(JSON.parse(row.form)) : null;
}
