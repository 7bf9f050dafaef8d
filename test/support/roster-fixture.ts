/**
 * A signed afnemer roster and the service.json that pins its key, written into a data dir the way the service
 * link leaves them (`<dataDir>/roster.json`, `<dataDir>/service.json`). Shared by the unit tests and the e2e
 * tests of the afnemer console; the server key is a fresh test key unless one is given (e.g. a real results
 * service's key, when the e2e delivers results to it).
 */
import { generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePinVerifier } from '../../src/host/afnemer/pin';
import { writeServiceLink } from '../../src/host/service-link/link-file';
import { ROSTER_FILE } from '../../src/host/service-link/roster';
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
}

export interface RosterFixture {
  serverPrivateKey: KeyObject;
  link: ServiceLink;
  roster: Roster;
  signed: SignedRoster;
  rosterFile: string;
  /** Signs another roster with the same server key and writes it over roster.json. */
  rewrite(change: (roster: Roster) => Roster): SignedRoster;
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
  const rosterFile = join(dataDir, ROSTER_FILE);
  const write = (payload: Roster): SignedRoster => {
    const signed = signJson(payload, signer) as SignedRoster;
    writeFileSync(rosterFile, JSON.stringify(signed) + '\n');
    return signed;
  };
  const signed = write(roster);
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
  return { serverPrivateKey, link, roster, signed, rosterFile, rewrite: (change) => write(change(roster)) };
}
