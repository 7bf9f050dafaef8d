/**
 * Afnemer administration (CLI and tests): add or replace, renew, revoke, list. Every change bumps the roster
 * serial in the same transaction, so a kiosk sees a newer serial exactly when the roster changed.
 */
import type { Selectable } from 'kysely';
import { AfnemerId, Pin } from '../../shared/results-service';
import type { AfnemersTable } from '../db/tables';
import type { ServerDeps } from '../deps';
import { makePinVerifier } from './pin-verifier';
import { bumpRosterSerial } from './roster-serial';

export type AfnemerRow = Selectable<AfnemersTable>;

export interface AfnemerInput {
  afnemerId: string;
  name: string;
  gemeente: string;
  /** YYYY-MM-DD, inclusive. */
  validUntil: string;
  pin: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string): string {
  if (
    !DATE.test(value) ||
    Number.isNaN(Date.parse(value + 'T00:00:00Z')) ||
    new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) !== value
  ) {
    throw new Error(`"${value}" is not a date like 2027-12-31.`);
  }
  return value;
}

/** Adds an afnemer, or replaces name, gemeente, validity and PIN of an existing one (and makes it active). */
export async function upsertAfnemer(deps: ServerDeps, input: AfnemerInput): Promise<AfnemerRow> {
  const afnemerId = AfnemerId.parse(input.afnemerId);
  const name = input.name.trim();
  const gemeente = input.gemeente.trim();
  if (!name || !gemeente) throw new Error('A name and a gemeente are required.');
  const pin = Pin.safeParse(input.pin);
  if (!pin.success) throw new Error('The PIN must be 5 or 6 digits.');
  const row: AfnemerRow = {
    afnemer_id: afnemerId,
    name,
    gemeente,
    valid_until: checkDate(input.validUntil),
    status: 'active',
    pin_verifier: JSON.stringify(await makePinVerifier(pin.data)),
    updated_at: deps.now().toISOString(),
  };
  const { afnemer_id: _id, ...changes } = row;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('afnemers')
      .values(row)
      .onConflict((oc) => oc.column('afnemer_id').doUpdateSet(changes))
      .execute();
    await bumpRosterSerial(trx);
  });
  return row;
}

async function change(
  deps: ServerDeps,
  afnemerId: string,
  set: Partial<Pick<AfnemerRow, 'valid_until' | 'status'>>,
): Promise<boolean> {
  const id = AfnemerId.parse(afnemerId);
  return deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('afnemers')
      .set({ ...set, updated_at: deps.now().toISOString() })
      .where('afnemer_id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await bumpRosterSerial(trx);
    return true;
  });
}

/** A new validity date (the certificate was renewed); also re-activates a revoked afnemer. False if unknown. */
export function renewAfnemer(deps: ServerDeps, afnemerId: string, validUntil: string): Promise<boolean> {
  return change(deps, afnemerId, { valid_until: checkDate(validUntil), status: 'active' });
}

/** Revokes an afnemer: the next roster lists them as revoked. False if unknown. */
export function revokeAfnemer(deps: ServerDeps, afnemerId: string): Promise<boolean> {
  return change(deps, afnemerId, { status: 'revoked' });
}

export async function listAfnemers(deps: ServerDeps): Promise<AfnemerRow[]> {
  return deps.db.selectFrom('afnemers').selectAll().orderBy('gemeente').orderBy('afnemer_id').execute();
}
