/**
 * Builds and signs the roster of one gemeente. Revoked afnemers stay in it (status `revoked`) so a kiosk that
 * cached them learns of the revocation; the serial (meta `roster-serial`) grows with every afnemer change, so a
 * kiosk can refuse an older roster than the one it holds.
 */
import { PinVerifier, ROSTER_SCHEMA, type Roster, type SignedRoster } from '../../shared/results-service';
import { canonicalBytes } from '../../shared/signing';
import { referenceFormAt } from '../admin/reference-forms';
import { readRosterSerial } from '../admin/roster-serial';
import { signEd25519 } from '../crypto/ed25519';
import type { ServerSigningKey } from '../crypto/server-key';
import type { ServerDeps } from '../deps';

export async function buildSignedRoster(
  deps: ServerDeps,
  key: ServerSigningKey,
  gemeente: string,
): Promise<SignedRoster> {
  // Serial first, rows second: a change landing in between gives a roster at least as new as its serial says.
  const serial = await readRosterSerial(deps.db);
  const rows = await deps.db
    .selectFrom('afnemers')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .orderBy('afnemer_id')
    .execute();
  const referenceForm = await referenceFormAt(deps.db, gemeente);
  const payload: Roster = {
    schema: ROSTER_SCHEMA,
    gemeente,
    serial,
    issuedAt: deps.now().toISOString(),
    afnemers: rows.map((row) => ({
      afnemerId: row.afnemer_id,
      name: row.name,
      gemeente: row.gemeente,
      validUntil: row.valid_until,
      status: row.status,
      pin: PinVerifier.parse(JSON.parse(row.pin_verifier)),
    })),
    // Only when set: a gemeente without a form keeps the roster older kiosks accept (docs/PRIVACY.md).
    ...(referenceForm ? { referenceForm } : {}),
  };
  return {
    payload,
    signature: signEd25519(canonicalBytes(payload), key.privateKey),
    keyId: key.pinned.keyId,
    alg: 'Ed25519',
  };
}
