import { z } from 'zod';
import { Sha256Hex } from '../items';
import { ResultId } from '../result/record';
import { IsoTime } from '../session/event-parts';
import { DeviceId, signedEnvelope } from '../signing';

export const RECEIPT_SCHEMA = 'lbt.receipt/1';

/**
 * The service's word that a result is stored: signed with the server key (Ed25519 over RFC 8785 bytes), so the
 * outbox can prove delivery offline and delete nothing before it holds one that verifies with the pinned key.
 * `payloadHash` is sha256 (hex) of the canonical bytes of the result *payload*, the same bytes the device signed.
 */
export const Receipt = z
  .object({
    schema: z.literal(RECEIPT_SCHEMA),
    resultId: ResultId,
    deviceId: DeviceId,
    payloadHash: Sha256Hex,
    storedAt: IsoTime,
  })
  .strict();
export type Receipt = z.infer<typeof Receipt>;

export const SignedReceipt = signedEnvelope(Receipt);
export type SignedReceipt = z.infer<typeof SignedReceipt>;

/**
 * Flags the service sets on a stored result: `score-mismatch` = its re-score differs from the device's;
 * `gemeente-mismatch` = the payload names another gemeente than the device was enrolled for at the sitting;
 * `cesuur-mismatch` = the payload claims another cesuur or twijfelzone than the package's test definition.
 */
export const IngestFlag = z.enum(['score-mismatch', 'gemeente-mismatch', 'cesuur-mismatch']);
export type IngestFlag = z.infer<typeof IngestFlag>;

/**
 * `POST /v1/results` answers 201 with this body the first time a result is stored, and 200 with the very same
 * receipt when the same bytes arrive again (a retry after a lost answer). Different bytes under a stored
 * result id get a 409 problem.
 */
export const IngestResponse = z
  .object({
    receipt: SignedReceipt,
    duplicate: z.boolean(),
    flags: z.array(IngestFlag),
  })
  .strict();
export type IngestResponse = z.infer<typeof IngestResponse>;
