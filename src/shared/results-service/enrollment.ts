import { z } from 'zod';
import { Label, IsoTime } from '../session/event-parts';
import { DeviceId, Ed25519PublicKeyBase64, KeyId } from '../signing';

/** The service's signing key as a kiosk pins it. */
export const ServerKey = z.object({ keyId: KeyId, publicKey: Ed25519PublicKeyBase64 }).strict();
export type ServerKey = z.infer<typeof ServerKey>;

/**
 * A one-time enrollment code as `lbt devices enroll` prints it: 4 groups of 4 characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), so an administrator can read it out over the phone.
 */
export const EnrollmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/, 'a code like ABCD-EFGH-JKMN-PQRS');

/** `POST /v1/devices/enroll`: the kiosk redeems a code with its public key. */
export const EnrollRequest = z
  .object({
    code: EnrollmentCode,
    deviceId: DeviceId,
    keyId: KeyId,
    publicKey: Ed25519PublicKeyBase64,
  })
  .strict();
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z
  .object({
    deviceId: DeviceId,
    gemeente: Label,
    enrolledAt: IsoTime,
    /** The key the kiosk pins to verify receipts and rosters. */
    serverKey: ServerKey,
  })
  .strict();
export type EnrollResponse = z.infer<typeof EnrollResponse>;

/**
 * How an enrolled device authenticates a GET (the roster): headers carrying its id, the time and an Ed25519
 * signature over `deviceRequestText(...)`. The service allows a few minutes of clock skew.
 */
export const DEVICE_HEADER = 'x-lbt-device';
export const TIME_HEADER = 'x-lbt-time';
export const SIGNATURE_HEADER = 'x-lbt-signature';
export const DEVICE_REQUEST_MAX_SKEW_MS = 5 * 60_000;

export function deviceRequestText(method: string, path: string, time: string): string {
  return `lbt.device-request/1\n${method.toUpperCase()}\n${path}\n${time}`;
}
