/**
 * Authenticates a device's GET (the roster) by the signed headers of src/shared/results-service/enrollment.ts:
 * device id, time, and an Ed25519 signature over `deviceRequestText(method, path, time)` with the enrolled key.
 * The time must be within DEVICE_REQUEST_MAX_SKEW_MS of ours, which bounds how long a captured request could be
 * replayed (it would only fetch the same roster again: GETs change nothing).
 */
import type { FastifyRequest } from 'fastify';
import {
  DEVICE_HEADER,
  DEVICE_REQUEST_MAX_SKEW_MS,
  SIGNATURE_HEADER,
  TIME_HEADER,
  deviceRequestText,
} from '../../shared/results-service';
import { DeviceId } from '../../shared/signing';
import { verifyEd25519 } from '../crypto/ed25519';
import type { ServerDeps } from '../deps';
import { devicePublicKey, requireActiveDevice, type DeviceRow } from '../devices/lookup';
import { ProblemError } from './problem';

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

export async function authenticateDevice(deps: ServerDeps, request: FastifyRequest): Promise<DeviceRow> {
  const deviceId = header(request, DEVICE_HEADER);
  const time = header(request, TIME_HEADER);
  const signature = header(request, SIGNATURE_HEADER);
  if (!deviceId || !time || !signature) {
    throw new ProblemError(
      401,
      'unauthorized',
      `Sign the request: send ${DEVICE_HEADER}, ${TIME_HEADER} and ${SIGNATURE_HEADER}.`,
    );
  }
  if (!DeviceId.safeParse(deviceId).success) {
    throw new ProblemError(401, 'unauthorized', `${DEVICE_HEADER} is not a device id.`);
  }
  const at = Date.parse(time);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(time) || Number.isNaN(at)) {
    throw new ProblemError(401, 'unauthorized', `${TIME_HEADER} is not an ISO-8601 time.`);
  }
  if (Math.abs(deps.now().getTime() - at) > DEVICE_REQUEST_MAX_SKEW_MS) {
    throw new ProblemError(
      401,
      'unauthorized',
      `${TIME_HEADER} differs from the service's clock by more than ${DEVICE_REQUEST_MAX_SKEW_MS / 60_000} minutes; check the device clock.`,
    );
  }
  const device = await requireActiveDevice(deps.db, deviceId, 401);
  const path = request.url.split('?')[0] ?? request.url;
  const text = new TextEncoder().encode(deviceRequestText(request.method, path, time));
  if (!verifyEd25519(text, signature, devicePublicKey(device))) {
    throw new ProblemError(
      401,
      'bad-signature',
      'The request signature does not verify with the enrolled key.',
    );
  }
  return device;
}
