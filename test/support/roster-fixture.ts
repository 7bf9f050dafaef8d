/**
 * A signed afnemer roster and the service.json that pins its key, written into a data dir the way the service
 * link leaves them (`<dataDir>/roster.sealed` under the roster key of the data dir's FileKeyProvider, as the
 * Chromium host reads it; `<dataDir>/service.json`). With `legacy`, the roster is written as a plain
 * `roster.json` the way kiosks did before the sealed cache. Shared by the unit tests and the e2e tests of the
 * afnemer console; the server key is a fresh test key unless one is given (e.g. a real results service's key,
 * when the e2e delivers results to it).
 */
import { generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePinVerifier } from '../../src/host/afnemer/pin';
import { FileKeyProvider } from '../../src/host/keys/file-key-provider';
import { writeServiceLink } from '../../src/host/service-link/link-file';
import {
  LEGACY_ROSTER_FILE,
  ROSTER_FILE,
  rosterKeyFrom,
  type RosterKey,
} from '../../src/host/service-link/roster';
import { writeSealedRoster } from '../../src/host/service-link/roster-seal';
import { rawPublicKey, signerFromPrivateKey, signJson } from '../../src/host/signing/sign';
import {
  ROSTER_SCHEMA,
  SERVICE_LINK_SCHEMA,
  type Roster,
  type RosterEntry,
  type ServiceLink,
  type SignedRoster,
} from '../../src/shared/results-service';

export interface FixtureAfnemer {
  afnemerId: string;
  pin: string;
  name?: string;
  /** Last valid day, YYYY-MM-DD (default far in the future). */
  validUntil?: string;
  status?: 'active' | 'revoked';
}

/** The usual cast: one valid afnemer, one whose certificate expired, one revoked. */
export const TEST_AFNEMERS = {
  valid: { afnemerId: 'AFN-10001', pin: '24680', name: 'Anna de Vries', validUntil: '2099-12-31' },
  expired: { afnemerId: 'AFN-10002', pin: '13579', name: 'Bert Jansen', validUntil: '2024-01-31' },
  revoked: { afnemerId: 'AFN-10003', pin: '11223', name: 'Cem Yilmaz', status: 'revoked' as const },
  colleague: { afnemerId: 'AFN-10004', pin: '97531', name: 'Dana Smit', validUntil: '2099-12-31' },
} satisfies Record<string, FixtureAfnemer>;

export interface RosterFixtureOptions {
  gemeente?: string;
  afnemers?: FixtureAfnemer[];
  serial?: number;
  issuedAt?: string;
  /** The results service's Ed25519 private key; default a fresh one. */
  serverPrivateKey?: KeyObject;
  url?: string;
  deviceId?: string;
  /** Cheap scrypt costs keep tests fast; real rosters use far higher N. */
  scrypt?: { N: number; r: number; p: number };
  /** Write service.json (default true): false leaves the kiosk "not enrolled". */
  writeLink?: boolean;
  /** Write a plain roster.json, as a kiosk from before the sealed cache left it (default false). */
  legacy?: boolean;
}

export interface RosterFixture {
  serverPrivateKey: KeyObject;
  link: ServiceLink;
  roster: Roster;
  signed: SignedRoster;
  /** The file written: roster.sealed, or roster.json with `legacy`. */
  rosterFile: string;
  /** The data dir's roster key, as the host derives it from its FileKeyProvider. */
  rosterKey: RosterKey;
  /** Signs another roster with the same server key and writes it over the roster file. */
  rewrite(change: (roster: Roster) => Roster): Promise<SignedRoster>;
  /** Writes any envelope (an edited one, one signed by another key) the way the fixture writes rosters. */
  writeEnvelope(envelope: unknown): Promise<void>;
}

export async function writeRosterFixture(
  dataDir: string,
  options: RosterFixtureOptions = {},
): Promise<RosterFixture> {
  const gemeente = options.gemeente ?? 'Utrecht';
  const serverPrivateKey = options.serverPrivateKey ?? generateKeyPairSync('ed25519').privateKey;
  const signer = signerFromPrivateKey(serverPrivateKey);
  const scrypt = options.scrypt ?? { N: 1024, r: 8, p: 1 };
  const afnemers: RosterEntry[] = [];
  const cast: FixtureAfnemer[] = options.afnemers ?? Object.values(TEST_AFNEMERS);
  for (const a of cast) {
    afnemers.push({
      afnemerId: a.afnemerId,
      name: a.name ?? `Afnemer ${a.afnemerId}`,
      gemeente,
      validUntil: a.validUntil ?? '2099-12-31',
      status: a.status ?? 'active',
      pin: await makePinVerifier(a.pin, scrypt),
    });
  }
  const roster: Roster = {
    schema: ROSTER_SCHEMA,
    gemeente,
    serial: options.serial ?? 1,
    issuedAt: options.issuedAt ?? '2026-11-01T08:00:00.000Z',
    afnemers,
  };
  const legacy = options.legacy ?? false;
  const rosterFile = join(dataDir, legacy ? LEGACY_ROSTER_FILE : ROSTER_FILE);
  const rosterKey = rosterKeyFrom(dataDir, await FileKeyProvider.open(dataDir));
  const writeEnvelope = async (envelope: unknown): Promise<void> => {
    if (legacy) writeFileSync(rosterFile, JSON.stringify(envelope) + '\n', { mode: 0o600 });
    else await writeSealedRoster(dataDir, await rosterKey(), envelope, { exclusive: false });
  };
  const write = async (payload: Roster): Promise<SignedRoster> => {
    const signed = signJson(payload, signer) as SignedRoster;
    await writeEnvelope(signed);
    return signed;
  };
  const signed = await write(roster);
  const raw = rawPublicKey(createPublicKey(serverPrivateKey));
  const link: ServiceLink = {
    schema: SERVICE_LINK_SCHEMA,
    url: options.url ?? 'http://127.0.0.1:9',
    deviceId: options.deviceId ?? 'lbt-dev-0000000000000001',
    gemeente,
    serverKey: { keyId: signer.keyId, publicKey: raw.toString('base64') },
    enrolledAt: '2026-11-01T08:00:00.000Z',
  };
  if (options.writeLink ?? true) await writeServiceLink(dataDir, link);
  return {
    serverPrivateKey,
    link,
    roster,
    signed,
    rosterFile,
    rosterKey,
    rewrite: (change) => write(change(roster)),
    writeEnvelope,
  };
}
