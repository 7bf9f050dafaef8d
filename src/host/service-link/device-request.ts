/**
 * Authenticates a GET as the enrolled device: its id, the time and an Ed25519 signature over
 * `deviceRequestText(method, path, time)` (src/shared/results-service/enrollment.ts). The time bounds replay:
 * the service accepts a few minutes of clock skew and no more.
 */
import {
  DEVICE_HEADER,
  deviceRequestText,
  SIGNATURE_HEADER,
  TIME_HEADER,
} from '../../shared/results-service';
import type { Ed25519Signer } from '../signing/sign';

export interface DeviceSigner extends Ed25519Signer {
  readonly deviceId: string;
}

export function deviceRequestHeaders(
  device: DeviceSigner,
  method: string,
  path: string,
  now: Date,
): Record<string, string> {
  const time = now.toISOString();
  const signature = device.sign(new TextEncoder().encode(deviceRequestText(method, path, time)));
  return {
    [DEVICE_HEADER]: device.deviceId,
    [TIME_HEADER]: time,
    [SIGNATURE_HEADER]: Buffer.from(signature).toString('base64'),
  };
}
