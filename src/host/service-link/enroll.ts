/**
 * `lbt kiosk enroll`: redeems a one-time enrollment code with this device's public key and pins the server key
 * the service answers with. Only the public half of the identity is needed, so a data dir whose private key is
 * sealed by the OS keystore (Electron) can be enrolled from the command line as well.
 */
import { join } from 'node:path';
import type { EnrollRequest } from '../../shared/results-service';
import {
  EnrollmentCode,
  EnrollResponse,
  SERVICE_LINK_SCHEMA,
  type ServiceLink,
} from '../../shared/results-service';
import { formatIssues, parseJson } from '../../shared/json';
import { DeviceIdentityFile } from '../../shared/signing/device-identity';
import { DEVICE_IDENTITY_FILE, deviceIdOf, loadDeviceIdentity } from '../identity';
import { readTextIfExists } from '../keys/durable-fs';
import { FileKeyProvider } from '../keys/file-key-provider';
import { keyIdOf } from '../signing/sign';
import { exchange, type FetchLike } from './http';
import { serverPublicKey, serviceUrl, writeServiceLink } from './link-file';

export const ENROLL_PATH = '/v1/devices/enroll';

export class EnrollError extends Error {
  override readonly name = 'EnrollError';
}

export interface EnrollOptions {
  dataDir: string;
  serverUrl: string;
  code: string;
  retentionDays?: number;
  timeoutMs?: number;
  fetch?: FetchLike;
}

export interface PublicIdentity {
  deviceId: string;
  keyId: string;
  publicKey: string;
}

/** The device's public identity; creates the identity (file key provider) when the data dir has none. */
export async function publicIdentity(dataDir: string): Promise<PublicIdentity> {
  const file = join(dataDir, DEVICE_IDENTITY_FILE);
  const text = await readTextIfExists(file);
  if (text === null) {
    const created = await loadDeviceIdentity(dataDir, await FileKeyProvider.open(dataDir));
    return { deviceId: created.deviceId, keyId: created.keyId, publicKey: created.publicKeyBase64 };
  }
  const record = parseJson(DeviceIdentityFile, text, file);
  if (!record.ok) {
    throw new EnrollError(
      record.error.problem === 'schema'
        ? `${file} is not a device identity: ${record.error.detail}`
        : record.error.message,
    );
  }
  const raw = Buffer.from(record.value.publicKey, 'base64');
  // The clear-text parts must agree with each other; whether they match the sealed key is checked by the host.
  if (keyIdOf(raw) !== record.value.keyId || deviceIdOf(raw) !== record.value.deviceId) {
    throw new EnrollError(`${file}: the key id or device id does not belong to the public key`);
  }
  return { deviceId: record.value.deviceId, keyId: record.value.keyId, publicKey: record.value.publicKey };
}

export async function enrollDevice(options: EnrollOptions): Promise<{ link: ServiceLink; file: string }> {
  const code = EnrollmentCode.safeParse(options.code);
  if (!code.success)
    throw new EnrollError(`"${options.code}" is not an enrollment code (like ABCD-EFGH-JKMN-PQRS)`);
  const base = options.serverUrl.replace(/\/+$/, '');
  const identity = await publicIdentity(options.dataDir);
  const request: EnrollRequest = { code: code.data, ...identity };
  const answer = await exchange(
    {
      method: 'POST',
      url: serviceUrl({ url: base }, ENROLL_PATH),
      body: JSON.stringify(request),
      timeoutMs: options.timeoutMs ?? 15_000,
    },
    options.fetch,
  );
  if (answer.kind !== 'answer')
    throw new EnrollError(`the service at ${base} did not answer (${answer.detail})`);
  if (answer.status !== 200 && answer.status !== 201) {
    const why = answer.problem
      ? `${answer.problem.code}: ${answer.problem.detail}`
      : JSON.stringify(answer.body);
    throw new EnrollError(`the service refused the enrollment (HTTP ${answer.status}, ${why})`);
  }
  const parsed = EnrollResponse.safeParse(answer.body);
  if (!parsed.success) {
    throw new EnrollError(
      `the service's answer is not an enrollment response: ${formatIssues(parsed.error)}`,
    );
  }
  if (parsed.data.deviceId !== identity.deviceId) {
    throw new EnrollError(
      `the service enrolled ${parsed.data.deviceId}, but this device is ${identity.deviceId}`,
    );
  }
  const link: ServiceLink = {
    schema: SERVICE_LINK_SCHEMA,
    url: base,
    deviceId: identity.deviceId,
    gemeente: parsed.data.gemeente,
    serverKey: parsed.data.serverKey,
    enrolledAt: parsed.data.enrolledAt,
    ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
  };
  serverPublicKey(link, 'the service answer');
  const file = await writeServiceLink(options.dataDir, link);
  return { link, file };
}
