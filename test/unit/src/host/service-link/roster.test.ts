/**
 * The roster fetch with the device-signed GET, against the real service; the cache sealed on disk and unsealed and
 * re-verified at each load. (Sealing itself, byte by byte, is in roster-sealed.test.ts.)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertAfnemer } from '../../../../../src/server/admin/afnemers';
import { readServiceLink } from '../../../../../src/host/service-link/link-file';
import { FileKeyProvider } from '../../../../../src/host/keys/file-key-provider';
import {
  LEGACY_ROSTER_FILE,
  loadCachedRoster,
  refreshRoster,
  ROSTER_FILE,
  RosterError,
  rosterKeyFrom,
  type RosterKey,
} from '../../../../../src/host/service-link/roster';
import { writeSealedRoster } from '../../../../../src/host/service-link/roster-seal';
import { signerFromPrivateKey, signJson } from '../../../../../src/host/signing';
import type { Roster, ServiceLink } from '../../../../../src/shared/results-service';
import { newKiosk, newServerKeys, type Kiosk } from '../../../../support/outbox-fixture';
import { LiveService } from '../../../../support/outbox-service-fixture';

const service = new LiveService();
let kiosk: Kiosk;
let link: ServiceLink;
let rosterKey: RosterKey;

beforeAll(async () => {
  await service.start();
  kiosk = await newKiosk();
  await service.enroll(kiosk);
  link = (await readServiceLink(kiosk.dataDir))!;
  rosterKey = rosterKeyFrom(kiosk.dataDir, await FileKeyProvider.open(kiosk.dataDir));
  await upsertAfnemer(service.deps, {
    afnemerId: 'AFN-20417',
    name: 'Ans de Vries',
    gemeente: 'Utrecht',
    validUntil: '2027-12-31',
    pin: '48213',
  });
});
afterAll(() => service.stop());

const fetchRoster = () => refreshRoster({ dataDir: kiosk.dataDir, link, device: kiosk.identity, rosterKey });
const load = (serverKey = link.serverKey) => loadCachedRoster(kiosk.dataDir, serverKey, rosterKey);
/** What someone holding the roster key could write: any envelope, sealed properly. */
const sealAs = async (envelope: unknown) =>
  writeSealedRoster(kiosk.dataDir, await rosterKey(), envelope, { exclusive: false });

describe('roster', () => {
  it('fetches with the device signature, verifies, caches, and loads it back verified', async () => {
    const { roster, changed } = await fetchRoster();
    expect(changed).toBe(true);
    expect(roster.afnemers.map((a) => a.afnemerId)).toEqual(['AFN-20417']);
    expect(await load()).toEqual(roster);
    expect(existsSync(join(kiosk.dataDir, ROSTER_FILE))).toBe(true);
    expect(readFileSync(join(kiosk.dataDir, ROSTER_FILE), 'utf8')).not.toContain('AFN-20417');
    expect(existsSync(join(kiosk.dataDir, LEGACY_ROSTER_FILE))).toBe(false);
    expect((await fetchRoster()).changed).toBe(false);
  });

  it('refuses a cached roster that was edited under the roster key, or checked against another key', async () => {
    const file = join(kiosk.dataDir, ROSTER_FILE);
    const original = readFileSync(file);
    const genuine = (await load())!;
    const signed = signJson(genuine, signerFromPrivateKey(service.deps.serverKey.privateKey));
    // Sealing is about secrecy: whoever has the roster key still cannot make an edited roster verify.
    await sealAs({
      ...signed,
      payload: { ...genuine, afnemers: [{ ...genuine.afnemers[0], validUntil: '2099-12-31' }] },
    });
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterError);
    expect((error as RosterError).code).toBe('bad-signature');
    expect((error as RosterError).message).toContain('niet gebruikt');
    writeFileSync(file, original);
    const otherKey = { ...link.serverKey, keyId: 'b'.repeat(64) };
    await expect(load(otherKey)).rejects.toThrow(RosterError);
    await expect(load(newServerKeys().serverKey)).rejects.toMatchObject({ code: 'bad-signature' });
    writeFileSync(file, '{"payload": ');
    await expect(load()).rejects.toMatchObject({ code: 'corrupt' });
    writeFileSync(file, original);
    expect(await load()).toEqual(genuine);
  });

  it('replaces a cached roster it cannot unseal, and removes a plain roster.json that did not verify', async () => {
    const file = join(kiosk.dataDir, ROSTER_FILE);
    const genuine = (await load())!;
    writeFileSync(file, readFileSync(file, 'utf8').replace('"tag":"', '"tag":"A'));
    await expect(load()).rejects.toMatchObject({ code: 'corrupt' });
    const legacy = join(kiosk.dataDir, LEGACY_ROSTER_FILE);
    writeFileSync(legacy, '{"payload": {"afnemers": ["AFN-20417"]}}');
    const { roster, changed } = await fetchRoster();
    expect(changed).toBe(true);
    // The service signs each answer anew (issuedAt is now): compare what the kiosk uses.
    expect(roster.serial).toBe(genuine.serial);
    expect(roster.afnemers).toEqual(genuine.afnemers);
    expect(await load()).toEqual(roster);
    expect(existsSync(legacy)).toBe(false);
  });

  it('refuses a fetched roster with a lower serial than the cached one, keeping the cache', async () => {
    // A newer roster, genuinely signed by the service's key (as if fetched earlier from a later state).
    const cached = (await load())!;
    const newer: Roster = { ...cached, serial: cached.serial + 100 };
    const signer = signerFromPrivateKey(service.deps.serverKey.privateKey);
    await sealAs(signJson(newer, signer));
    const error = await fetchRoster().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'older' });
    expect((await load())!.serial).toBe(newer.serial);
  });
  it('refuses a fetched roster that names a member twice, though its signature covers the last value', async () => {
    const doubled: typeof fetch = async (url, init) => {
      const genuine = await fetch(url, init);
      const text = (await genuine.text()).replace('"payload":{', '"payload":{"serial":999999,');
      expect(text).toContain('"serial":999999');
      return new Response(text, { status: genuine.status, headers: genuine.headers });
    };
    const error = await refreshRoster({
      dataDir: kiosk.dataDir,
      link,
      device: kiosk.identity,
      rosterKey,
      fetch: doubled,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterError);
    expect((error as RosterError).code).toBe('corrupt');
  });
});
