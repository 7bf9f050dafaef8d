/**
 * The signed roster of certified afnemers, fetched from the service and cached at `<dataDir>/roster.json` for
 * offline login. The cached copy is re-verified with the pinned server key at every load, so an edited file is
 * refused rather than trusted; a fetched roster with a lower serial than the cached one is refused, so an old
 * copy (still listing a since-revoked afnemer) cannot be replayed.
 */
import { join } from 'node:path';
import { SignedRoster, type Roster, type ServerKey, type ServiceLink } from '../../shared/results-service';
import { readTextIfExists, writeFileDurably } from '../keys/durable-fs';
import { verifyJson } from '../signing/sign';
import { deviceRequestHeaders, type DeviceSigner } from './device-request';
import { exchange, type FetchLike } from './http';
import { serverPublicKey, serviceUrl } from './link-file';

export const ROSTER_FILE = 'roster.json';
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
    throw new RosterError(
      'corrupt',
      CACHE_REFUSED,
      `not a signed roster: ${parsed.error.issues[0]?.message}`,
    );
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

/** The cached roster, verified now with `serverKey`; null when none was fetched yet. Throws RosterError. */
export async function loadCachedRoster(dataDir: string, serverKey: ServerKey): Promise<Roster | null> {
  const file = join(dataDir, ROSTER_FILE);
  const text = await readTextIfExists(file);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RosterError('corrupt', CACHE_REFUSED, `${file} is not JSON: ${(error as Error).message}`);
  }
  return verifyRoster(json, serverKey);
}

export interface RosterFetch {
  dataDir: string;
  link: ServiceLink;
  device: DeviceSigner;
  now?: () => Date;
  timeoutMs?: number;
  fetch?: FetchLike;
}

/**
 * Fetches, verifies and caches the roster. Returns what is cached afterwards and whether it changed.
 * A cached roster that no longer verifies (edited, or pinned key changed by re-enrolling) is replaced.
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
    cached = await loadCachedRoster(options.dataDir, options.link.serverKey);
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
  await writeFileDurably(
    join(options.dataDir, ROSTER_FILE),
    Buffer.from(JSON.stringify(answer.body) + '\n'),
    {
      mode: 0o600,
      exclusive: false,
    },
  );
  return { roster: fresh, changed: true };
}
