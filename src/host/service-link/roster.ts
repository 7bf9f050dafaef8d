/**
 * The signed roster of certified afnemers, fetched from the service and cached sealed at `<dataDir>/roster.sealed`
 * for offline login (roster-seal.ts: the PIN verifiers in it must not be readable from a copied disk). The cached
 * copy is unsealed and then re-verified with the pinned server key at every load, so an edited or foreign file
 * is refused rather than trusted; a fetched roster with a lower serial than the cached one is refused, so an old
 * copy (still listing a since-revoked afnemer) cannot be replayed. A plain `roster.json` left by an older kiosk
 * is verified the same way, sealed, and removed.
 */
import { join } from 'node:path';
import { SignedRoster, type Roster, type ServerKey, type ServiceLink } from '../../shared/results-service';
import { readTextIfExists } from '../keys/durable-fs';
import { KeyProviderError } from '../keys/key-provider';
import { verifyJson } from '../signing/sign';
import { deviceRequestHeaders, type DeviceSigner } from './device-request';
import { exchange, type FetchLike } from './http';
import { serverPublicKey, serviceUrl } from './link-file';
import {
  LEGACY_ROSTER_FILE,
  removeLegacyRoster,
  SEALED_ROSTER_FILE,
  unsealRoster,
  writeSealedRoster,
  type RosterKey,
} from './roster-seal';
import { formatIssues, parseStrictJson } from '../../shared/json';

export { LEGACY_ROSTER_FILE, ROSTER_KEY_FILE, rosterKeyFrom, type RosterKey } from './roster-seal';
export const ROSTER_FILE = SEALED_ROSTER_FILE;
export const ROSTER_PATH = '/v1/roster';

export type RosterErrorCode = 'corrupt' | 'bad-signature' | 'wrong-gemeente' | 'older' | 'unavailable';

/** The afnemer's Dutch message; `detail` is for the log. */
export class RosterError extends Error {
  override readonly name = 'RosterError';
  constructor(
    readonly code: RosterErrorCode,
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

const CACHE_REFUSED =
  'De lijst van toetsafnemers op deze kiosk is beschadigd of niet door de resultatenservice ondertekend en wordt ' +
  'niet gebruikt. Verbind de kiosk met het netwerk zodat een nieuwe lijst wordt opgehaald, of neem contact op ' +
  'met de technische ondersteuning.';

/** Checks a roster envelope against the pinned key (and gemeente); throws RosterError. */
export function verifyRoster(envelope: unknown, serverKey: ServerKey, gemeente?: string): Roster {
  const parsed = SignedRoster.safeParse(envelope);
  if (!parsed.success) {
    throw new RosterError('corrupt', CACHE_REFUSED, `not a signed roster: ${formatIssues(parsed.error)}`);
  }
  let key;
  try {
    key = serverPublicKey({ serverKey });
  } catch (error) {
    // A pinned key whose id does not fit its bytes verifies nothing: refuse rather than throw something else.
    throw new RosterError('bad-signature', CACHE_REFUSED, (error as Error).message);
  }
  const outcome = verifyJson(parsed.data, key);
  if (!outcome.ok)
    throw new RosterError('bad-signature', CACHE_REFUSED, `${outcome.reason}: ${outcome.detail}`);
  if (gemeente !== undefined && parsed.data.payload.gemeente !== gemeente) {
    throw new RosterError(
      'wrong-gemeente',
      CACHE_REFUSED,
      `roster of ${parsed.data.payload.gemeente}, kiosk of ${gemeente}`,
    );
  }
  return parsed.data.payload;
}

/** The roster key, or the calm refusal when the key provider cannot give it (the detail names the cause). */
async function keyOf(rosterKey: RosterKey): Promise<Buffer> {
  try {
    return await rosterKey();
  } catch (error) {
    if (!(error instanceof KeyProviderError)) throw error;
    throw new RosterError('corrupt', CACHE_REFUSED, `roster key: ${error.message}`);
  }
}

/**
 * The cached roster, unsealed with `rosterKey` and verified now with `serverKey`; null when none was fetched yet.
 * Throws RosterError, and never deletes or rewrites a sealed file it cannot read.
 */
export async function loadCachedRoster(
  dataDir: string,
  serverKey: ServerKey,
  rosterKey: RosterKey,
): Promise<Roster | null> {
  const file = join(dataDir, ROSTER_FILE);
  const text = await readTextIfExists(file);
  if (text === null) return migrateLegacyRoster(dataDir, serverKey, rosterKey);
  const unsealed = unsealRoster(text, await keyOf(rosterKey));
  if (!unsealed.ok) throw new RosterError('corrupt', CACHE_REFUSED, `${file}: ${unsealed.detail}`);
  const roster = verifyRoster(unsealed.envelope, serverKey);
  // A plain copy beside a readable sealed one is left from an interrupted migration: it only leaks verifiers.
  await removeLegacyRoster(dataDir);
  return roster;
}

/**
 * An upgraded kiosk's plain roster.json: verified as before (an edited one is refused and left alone), then
 * sealed and removed, so the kiosk keeps working offline and the verifiers leave the disk in clear.
 */
async function migrateLegacyRoster(
  dataDir: string,
  serverKey: ServerKey,
  rosterKey: RosterKey,
): Promise<Roster | null> {
  const file = join(dataDir, LEGACY_ROSTER_FILE);
  const text = await readTextIfExists(file);
  if (text === null) return null;
  let json: unknown;
  try {
    json = parseStrictJson(text);
  } catch (error) {
    throw new RosterError('corrupt', CACHE_REFUSED, `${file} is not JSON: ${(error as Error).message}`);
  }
  const roster = verifyRoster(json, serverKey);
  // Exclusive: a sealed roster written meanwhile (by the refresher or a parallel load) is as new or newer.
  const outcome = await writeSealedRoster(dataDir, await keyOf(rosterKey), json, { exclusive: true });
  if (outcome === 'exists') return loadCachedRoster(dataDir, serverKey, rosterKey);
  await removeLegacyRoster(dataDir);
  return roster;
}

export interface RosterFetch {
  dataDir: string;
  link: ServiceLink;
  device: DeviceSigner;
  /** Seals the cached roster (rosterKeyFrom with the host's key provider). */
  rosterKey: RosterKey;
  now?: () => Date;
  timeoutMs?: number;
  fetch?: FetchLike;
}

/**
 * Fetches, verifies and caches the roster. Returns what is cached afterwards and whether it changed.
 * A cached roster that no longer unseals or verifies (edited, roster key lost, or pinned key changed by
 * re-enrolling) is replaced.
 */
export async function refreshRoster(options: RosterFetch): Promise<{ roster: Roster; changed: boolean }> {
  const now = options.now ?? (() => new Date());
  const answer = await exchange(
    {
      method: 'GET',
      url: serviceUrl(options.link, ROSTER_PATH),
      headers: deviceRequestHeaders(options.device, 'GET', ROSTER_PATH, now()),
      timeoutMs: options.timeoutMs ?? 15_000,
    },
    options.fetch,
  );
  if (answer.kind !== 'answer' || answer.status !== 200) {
    const detail =
      answer.kind === 'answer'
        ? `HTTP ${answer.status} ${answer.problem?.code ?? ''} ${answer.problem?.detail ?? ''}`.trim()
        : answer.detail;
    throw new RosterError('unavailable', 'De lijst van toetsafnemers kon niet worden opgehaald.', detail);
  }
  const fresh = verifyRoster(answer.body, options.link.serverKey, options.link.gemeente);
  let cached: Roster | null = null;
  try {
    cached = await loadCachedRoster(options.dataDir, options.link.serverKey, options.rosterKey);
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
  }
  if (cached && fresh.serial < cached.serial) {
    throw new RosterError(
      'older',
      'De resultatenservice stuurde een oudere lijst van toetsafnemers dan deze kiosk al heeft; de lijst op de kiosk blijft in gebruik.',
      `fetched serial ${fresh.serial} < cached ${cached.serial}`,
    );
  }
  if (cached && fresh.serial === cached.serial) return { roster: cached, changed: false };
  await writeSealedRoster(options.dataDir, await keyOf(options.rosterKey), answer.body, { exclusive: false });
  // A plain roster.json that did not verify (so was not migrated) still holds verifiers in clear.
  await removeLegacyRoster(options.dataDir);
  return { roster: fresh, changed: true };
}
