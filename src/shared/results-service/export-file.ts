import { z } from 'zod';
import { SignedResult } from '../result/record';
import { IsoTime } from '../session/event-parts';
import { DeviceId } from '../signing';

export const RESULTS_EXPORT_SCHEMA = 'lbt.results-export/1';

/**
 * A file of pending results the afnemer writes to a USB stick when the kiosk cannot reach the service.
 * Each result stays the device-signed envelope, so `lbt results import` sends them through the same ingest
 * path as an upload: the same checks, the same idempotency, the same receipts.
 */
export const ResultsExport = z
  .object({
    schema: z.literal(RESULTS_EXPORT_SCHEMA),
    exportedAt: IsoTime,
    deviceId: DeviceId,
    results: z.array(SignedResult),
  })
  .strict();
export type ResultsExport = z.infer<typeof ResultsExport>;
