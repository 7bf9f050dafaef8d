/** `GET /v1/roster`: the signed roster of afnemers of the asking device's gemeente. */
import type { FastifyInstance } from 'fastify';
import { refuseOtherMethods } from '../http/errors';
import { authenticateDevice } from '../http/device-auth';
import type { DeviceLimiter } from '../http/device-limit';
import { buildSignedRoster } from '../roster/build';
import type { ServiceDeps } from '../service-deps';

export async function rosterRoutes(
  app: FastifyInstance,
  deps: ServiceDeps,
  devices: DeviceLimiter,
): Promise<void> {
  app.get('/v1/roster', async (request, reply) => {
    const device = await authenticateDevice(deps, request);
    // Counted only once the signature proved the device (http/device-limit.ts).
    devices.take(device.device_id, reply);
    return buildSignedRoster(deps, deps.serverKey, device.gemeente);
  });
  refuseOtherMethods(app, '/v1/roster', ['GET']);
}
