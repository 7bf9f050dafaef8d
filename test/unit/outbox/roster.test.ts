/** The roster fetch with the device-signed GET, against the real service; the cache re-verified at each load. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertAfnemer } from '../../../src/server/admin/afnemers';
import { readServiceLink } from '../../../src/host/service-link/link-file';
import { loadCachedRoster, refreshRoster, RosterError } from '../../../src/host/service-link/roster';
import { signerFromPrivateKey, signJson } from '../../../src/host/signing';
import type { Roster, ServiceLink } from '../../../src/shared/results-service';
import { newKiosk, newServerKeys, type Kiosk } from './fixture';
import { LiveService } from './service-fixture';

const service = new LiveService();
let kiosk: Kiosk;
let link: ServiceLink;

beforeAll(async () => {
  await service.start();
  kiosk = await newKiosk();
  await service.enroll(kiosk);
  link = (await readServiceLink(kiosk.dataDir))!;
  await upsertAfnemer(service.deps, {
    afnemerId: 'AFN-20417',
    name: 'Ans de Vries',
    gemeente: 'Utrecht',
    validUntil: '2027-12-31',
    pin: '48213',
  });
});
afterAll(() => service.stop());

const fetchRoster = () => refreshRoster({ dataDir: kiosk.dataDir, link, device: kiosk.identity });

describe('roster', () => {
  it('fetches with the device signature, verifies, caches, and loads it back verified', async () => {
    const { roster, changed } = await fetchRoster();
    expect(changed).toBe(true);
    expect(roster.afnemers.map((a) => a.afnemerId)).toEqual(['AFN-20417']);
    expect(await loadCachedRoster(kiosk.dataDir, link.serverKey)).toEqual(roster);
    expect((await fetchRoster()).changed).toBe(false);
  });

  it('refuses a cached roster that was edited, or checked against another key', async () => {
    const file = join(kiosk.dataDir, 'roster.json');
    const original = readFileSync(file, 'utf8');
    const edited = JSON.parse(original);
    edited.payload.afnemers[0].validUntil = '2099-12-31';
    writeFileSync(file, JSON.stringify(edited));
    const error = await loadCachedRoster(kiosk.dataDir, link.serverKey).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterError);
    expect((error as RosterError).code).toBe('bad-signature');
    expect((error as RosterError).message).toContain('niet gebruikt');
    writeFileSync(file, original);
    const otherKey = { ...link.serverKey, keyId: 'b'.repeat(64) };
    await expect(loadCachedRoster(kiosk.dataDir, otherKey)).rejects.toThrow(RosterError);
    await expect(loadCachedRoster(kiosk.dataDir, newServerKeys().serverKey)).rejects.toMatchObject({
      code: 'bad-signature',
    });
    writeFileSync(file, '{"payload": ');
    await expect(loadCachedRoster(kiosk.dataDir, link.serverKey)).rejects.toMatchObject({ code: 'corrupt' });
    writeFileSync(file, original);
  });

  it('refuses a fetched roster with a lower serial than the cached one, keeping the cache', async () => {
    // A newer roster, genuinely signed by the service's key (as if fetched earlier from a later state).
    const cached = (await loadCachedRoster(kiosk.dataDir, link.serverKey))!;
    const newer: Roster = { ...cached, serial: cached.serial + 100 };
    const signer = signerFromPrivateKey(service.deps.serverKey.privateKey);
    const file = join(kiosk.dataDir, 'roster.json');
    writeFileSync(file, JSON.stringify(signJson(newer, signer)));
    const error = await fetchRoster().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'older' });
    expect((await loadCachedRoster(kiosk.dataDir, link.serverKey))!.serial).toBe(newer.serial);
  });
});
