/** Device administration for the CLI and tests: list and revoke. Enrollment itself is the kiosk's request. */
import type { ServerDeps } from '../deps';
import type { DeviceRow } from '../devices/lookup';

export async function listDevices(deps: ServerDeps): Promise<DeviceRow[]> {
  return deps.db.selectFrom('devices').selectAll().orderBy('gemeente').orderBy('device_id').execute();
}

/** Revokes a device: its results and roster requests are refused from now on. Says when it was unknown or already revoked. */
export async function revokeDevice(
  deps: ServerDeps,
  deviceId: string,
): Promise<'revoked' | 'already' | 'unknown'> {
  const device = await deps.db
    .selectFrom('devices')
    .select('revoked_at')
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  if (!device) return 'unknown';
  if (device.revoked_at) return 'already';
  await deps.db
    .updateTable('devices')
    .set({ revoked_at: deps.now().toISOString() })
    .where('device_id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .execute();
  return 'revoked';
}
