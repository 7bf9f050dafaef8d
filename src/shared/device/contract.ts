import { z } from 'zod';
import { PageFacts } from './facts';
import { InteractiveChecks } from './outcomes';
import { RuleId } from './policy';

/** `device.check`: the page reports what it sees; the host adds its own facts and applies the policy. */
export const DeviceCheckRequest = z.object({ page: PageFacts.nullable() }).strict();
export type DeviceCheckRequest = z.infer<typeof DeviceCheckRequest>;

/** One warning the afnemer accepted, by name. The host stamps the time and copies the warning text. */
export const Confirmation = z
  .object({ rule: RuleId, confirmedBy: z.string().trim().min(1, 'naam van de afnemer ontbreekt').max(120) })
  .strict();

/**
 * `device.confirm`: the afnemer declares the device ready ("Sessie starten"). The host checks the latest
 * `device.check` again and records the device conditions, or refuses with the Dutch reasons.
 */
export const DeviceConfirmRequest = z
  .object({ checks: InteractiveChecks, confirmations: z.array(Confirmation).max(16) })
  .strict();
export type DeviceConfirmRequest = z.infer<typeof DeviceConfirmRequest>;

/**
 * `device.watch`: during a sitting the page reports its view of the screen after a resize or a resolution
 * change; the host measures again under the same policy and records the change (docs/SESSION.md).
 */
export const DisplayWatchRequest = z.object({ page: PageFacts }).strict();
export type DisplayWatchRequest = z.infer<typeof DisplayWatchRequest>;
