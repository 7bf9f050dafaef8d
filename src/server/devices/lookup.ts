/** Finding an enrolled device and its public key, for every request a device makes. */
import type { KeyObject } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { publicKeyFromRawBase64 } from '../crypto/ed25519';
import type { Database, DevicesTable } from '../db/tables';
import { ProblemError } from '../http/problem';

export type DeviceRow = Selectable<DevicesTable>;

export async function findDevice(db: Kysely<Database>, deviceId: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
}

/**
 * The device, or the refusal: unknown -> `unknown-device`, revoked -> `revoked-device` (403). Revocation is read
 * from the database on every request, so it takes effect at once on every instance.
 */
export async function requireActiveDevice(
  db: Kysely<Database>,
  deviceId: string,
  unknownStatus: 401 | 403,
): Promise<DeviceRow> {
  const device = await findDevice(db, deviceId);
  if (!device) throw new ProblemError(unknownStatus, 'unknown-device', `Device ${deviceId} is not enrolled.`);
  if (device.revoked_at !== null) {
    throw new ProblemError(403, 'revoked-device', `Device ${deviceId} was revoked on ${device.revoked_at}.`);
  }
  return device;
}

/** KeyObjects by key id: building one per request would cost more than the signature check itself. */
const keyCache = new Map<string, KeyObject>();

/**
 * The device's key; a key enrollment would refuse today (small order, non-canonical: enrolled by an older
 * version) is refused here too, as `forbidden`, since with it anyone could sign for the device.
 */
export function devicePublicKey(device: DeviceRow): KeyObject {
  let key = keyCache.get(device.key_id);
  if (!key) {
    try {
      key = publicKeyFromRawBase64(device.public_key);
    } catch (error) {
      throw new ProblemError(
        403,
        'forbidden',
        `The key enrolled for ${device.device_id} is refused (${(error as Error).message}); enroll the device again with a new key.`,
      );
    }
    if (keyCache.size > 10_000) keyCache.clear();
    keyCache.set(device.key_id, key);
  }
  return key;
}
