/**
 * `<dataDir>/service.json`: which results service this kiosk is enrolled with and the server key it pins
 * (schema in src/shared/results-service/service-link.ts). Absent = never enrolled; the kiosk then keeps every
 * result and offers only the export.
 */
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { ServiceLink } from '../../shared/results-service';
import { writeFileDurably } from '../keys/durable-fs';
import { JsonFileUnreadable, parseJsonFileIfExists } from '../files/parse-json-file';
import { keyIdOf, publicKeyFromRaw } from '../signing/sign';
import { decodeEd25519PublicKey } from '../../shared/signing/ed25519-encoding';

export const SERVICE_LINK_FILE = 'service.json';

/** service.json exists but cannot be used: named, never silently treated as "not enrolled". */
export class ServiceLinkError extends Error {
  override readonly name = 'ServiceLinkError';
}

export function serviceLinkFile(dataDir: string): string {
  return join(dataDir, SERVICE_LINK_FILE);
}

export async function readServiceLink(dataDir: string): Promise<ServiceLink | null> {
  const file = serviceLinkFile(dataDir);
  const read = await parseJsonFileIfExists(ServiceLink, file);
  if (!read.ok) {
    if (read.error instanceof JsonFileUnreadable) throw read.error;
    throw new ServiceLinkError(read.error.message, { cause: read.error });
  }
  if (read.value === null) return null;
  // A pinned key whose id does not match its bytes would make every receipt check meaningless.
  serverPublicKey(read.value, file);
  return read.value;
}

/** Replaces service.json durably (re-enrolling with another service replaces the link). */
export async function writeServiceLink(dataDir: string, link: ServiceLink): Promise<string> {
  const file = serviceLinkFile(dataDir);
  const checked = ServiceLink.parse(link);
  await writeFileDurably(file, Buffer.from(JSON.stringify(checked, null, 2) + '\n'), {
    mode: 0o600,
    exclusive: false,
  });
  return file;
}

/** The pinned server key as a KeyObject; throws when its keyId does not belong to its bytes. */
export function serverPublicKey(link: Pick<ServiceLink, 'serverKey'>, where = 'service.json'): KeyObject {
  // Checked here as well as by the schema: callers may pass a key that came from elsewhere (the roster cache).
  const decoded = decodeEd25519PublicKey(link.serverKey.publicKey);
  if (!decoded.ok) throw new ServiceLinkError(`${where}: serverKey.publicKey: ${decoded.problem}`);
  const raw = decoded.bytes;
  if (keyIdOf(raw) !== link.serverKey.keyId) {
    throw new ServiceLinkError(`${where}: serverKey.keyId is not the sha256 of serverKey.publicKey`);
  }
  return publicKeyFromRaw(raw);
}

/** `url` + `path` without doubling the slash between them. */
export function serviceUrl(link: Pick<ServiceLink, 'url'>, path: string): string {
  return link.url.replace(/\/+$/, '') + path;
}
