/**
 * `<dataDir>/service.json`: which results service this kiosk is enrolled with and the server key it pins
 * (schema in src/shared/results-service/service-link.ts). Absent = never enrolled; the kiosk then keeps every
 * result and offers only the export.
 */
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { ServiceLink } from '../../shared/results-service';
import { writeFileDurably, readTextIfExists } from '../keys/durable-fs';
import { keyIdOf, publicKeyFromRaw } from '../signing/sign';
import { parseStrictJson } from '../../shared/json';
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
  const text = await readTextIfExists(file);
  if (text === null) return null;
  let json: unknown;
  try {
    json = parseStrictJson(text);
  } catch (error) {
    throw new ServiceLinkError(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = ServiceLink.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceLinkError(`${file}: ${issue?.path.join('.') || '$'}: ${issue?.message}`);
  }
  // A pinned key whose id does not match its bytes would make every receipt check meaningless.
  serverPublicKey(parsed.data, file);
  return parsed.data;
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
