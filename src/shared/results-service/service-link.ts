import { z } from 'zod';
import { IsoTime, Label } from '../session/event-parts';
import { DeviceId } from '../signing';
import { ServerKey } from './enrollment';

export const SERVICE_LINK_SCHEMA = 'lbt.service-link/1';

/**
 * `<dataDir>/service.json`: the results service this kiosk is enrolled with. Written once by `lbt kiosk enroll`
 * after the service accepted the device's public key. `serverKey` is pinned here: receipts and rosters are
 * accepted only when they verify with this key, whatever the network says.
 */
export const ServiceLink = z
  .object({
    schema: z.literal(SERVICE_LINK_SCHEMA),
    /** The service's base URL, e.g. `https://resultaten.example.nl` (no trailing slash). */
    url: z.url({ protocol: /^https?$/ }),
    deviceId: DeviceId,
    gemeente: Label,
    serverKey: ServerKey,
    enrolledAt: IsoTime,
    /** Days a delivered result stays on the kiosk before it is removed (default 30). */
    retentionDays: z.number().int().min(0).max(3650).optional(),
  })
  .strict();
export type ServiceLink = z.infer<typeof ServiceLink>;
