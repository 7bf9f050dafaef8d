import { z } from 'zod';
import { ResultId } from '../result/record';
import { IsoTime, Label } from '../session/event-parts';
import { DeviceId } from '../signing';

/**
 * Where a closed result is on its way to the results service, as the console shows it. `waiting`: not yet
 * acknowledged (includes failed attempts); `delivered`: a receipt verified with the pinned server key;
 * `exported`: written to an export file and still waiting for a receipt (an import later delivers it).
 */
export const DeliveryState = z.enum(['waiting', 'delivered', 'exported']);
export type DeliveryState = z.infer<typeof DeliveryState>;

export const OutboxEntry = z
  .object({
    sessionId: z.uuid(),
    resultId: ResultId,
    /** The candidate reference only: no other personal data leaves the result. */
    candidateRef: Label,
    status: z.enum(['completed', 'aborted']),
    closedAt: IsoTime,
    state: DeliveryState,
    attempts: z.number().int().min(0),
    lastAttemptAt: IsoTime.nullable(),
    nextAttemptAt: IsoTime.nullable(),
    /** The last failure in Dutch for the afnemer, e.g. "De resultatenservice is niet bereikbaar." */
    lastError: z.string().nullable(),
    receipt: z.object({ storedAt: IsoTime, keyId: z.string() }).strict().nullable(),
    exportedAt: IsoTime.nullable(),
  })
  .strict();
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const OutboxView = z
  .object({
    /** null when this kiosk was never enrolled with a results service (it still keeps every result). */
    service: z.object({ url: z.string(), deviceId: DeviceId, gemeente: Label }).strict().nullable(),
    entries: z.array(OutboxEntry),
  })
  .strict();
export type OutboxView = z.infer<typeof OutboxView>;

export const OutboxListRequest = z.object({}).strict();
export const OutboxRetryRequest = z.object({}).strict();
/** Writes every undelivered result to one export file in the configured export folder. */
export const OutboxExportRequest = z.object({}).strict();
export const OutboxExportResponse = z
  .object({ file: z.string(), count: z.number().int().min(0), view: OutboxView })
  .strict();
