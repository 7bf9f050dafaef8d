/**
 * Login against the signed roster on real files: the PIN check, the lockout (persisted across a new console on
 * the same data dir), and every refusal with its code and Dutch message.
 */
import { existsSync, readFileSync, writeFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AfnemerLoginResponse, AfnemerStatus } from '../../../../../src/shared/afnemer';
import { LOCKOUTS_FILE, AFNEMER_DIR } from '../../../../../src/host/afnemer';
import { TEST_AFNEMERS, writeRosterFixture } from '../../../../support/roster-fixture';
import { startConsoleHost, tempDataDir, TestClock } from '../../../../support/afnemer-harness';

const { valid, expired, revoked } = TEST_AFNEMERS;
const creds = (a: { afnemerId: string; pin: string }) => ({ afnemerId: a.afnemerId, pin: a.pin });

async function setup(clock = new TestClock(Date.parse('2026-11-22T09:00:00.000Z'))) {
  const dataDir = tempDataDir();
  const fixture = await writeRosterFixture(dataDir);
  const host = await startConsoleHost(dataDir, clock);
  const login = (afnemerId: string, pin: string) =>
    host.ok<AfnemerLoginResponse>('afnemer.login', { afnemerId, pin });
  return { dataDir, fixture, clock, host, login };
}

function refusalOf(answer: AfnemerLoginResponse) {
  if (answer.outcome !== 'refused') throw new Error('expected a refusal');
  return answer.refusal;
}

describe('afnemer.login', () => {
  it('logs in a certified afnemer with the right PIN and reports the roster', async () => {
    const { host, login } = await setup();
    const answer = await login(valid.afnemerId, valid.pin);
    expect(answer).toEqual({
      outcome: 'ok',
      afnemer: {
        afnemerId: 'AFN-10001',
        name: 'Anna de Vries',
        gemeente: 'Utrecht',
        validUntil: '2099-12-31',
      },
      roster: { gemeente: 'Utrecht', serial: 1, issuedAt: '2026-11-01T08:00:00.000Z', afnemers: 4 },
    });
    const status = await host.ok<AfnemerStatus>('afnemer.status');
    expect(status.afnemer?.afnemerId).toBe('AFN-10001');
    expect(status.policy.showScore).toBe(false);
    const after = await host.ok<AfnemerStatus>('afnemer.logout');
    expect(after.afnemer).toBeNull();
  });

  it('accepts the id in lower case, as typed on the pad', async () => {
    const { login } = await setup();
    expect((await login('afn-10001', valid.pin)).outcome).toBe('ok');
  });

  it('refuses an unknown id, and a malformed request with the schema path', async () => {
    const { host, login } = await setup();
    expect(refusalOf(await login('AFN-99999', '12345')).code).toBe('unknown-afnemer');
    const bad = await host.call('afnemer.login', { afnemerId: 'AFN-10001', pin: '12ab' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('$.pin');
  });

  it('counts wrong PINs down and locks the id after the fifth for 1 minute, then 5', async () => {
    // A clock that stands still, so the lock's end is exact.
    const clock = new TestClock(Date.parse('2026-11-22T09:00:00.000Z'));
    clock.now = () => new Date(clock.time);
    const { login } = await setup(clock);
    for (const left of [4, 3, 2, 1]) {
      const refusal = refusalOf(await login(valid.afnemerId, '00000'));
      expect(refusal).toMatchObject({ code: 'wrong-pin', attemptsLeft: left });
      expect(refusal.message).toContain('Onjuiste pincode');
    }
    clock.time = Date.parse('2026-11-22T10:00:00.000Z');
    const locked = refusalOf(await login(valid.afnemerId, '00000'));
    expect(locked).toMatchObject({ code: 'locked', lockedUntil: '2026-11-22T10:01:00.000Z' });
    // 11:01 in Amsterdam (UTC+1 in November).
    expect(locked.message).toContain('11:01 op 22 november 2026');
    // Even the right PIN is refused while locked.
    expect(refusalOf(await login(valid.afnemerId, valid.pin)).code).toBe('locked');
    clock.time = Date.parse('2026-11-22T10:01:01.000Z');
    for (let i = 0; i < 4; i++) await login(valid.afnemerId, '00000');
    const second = refusalOf(await login(valid.afnemerId, '00000'));
    expect(second.code).toBe('locked');
    expect(second.lockedUntil).toBe('2026-11-22T10:06:01.000Z');
  });

  it('keeps a lock across a new host composition on the same data dir', async () => {
    const { dataDir, clock, host, login } = await setup();
    for (let i = 0; i < 5; i++) await login(valid.afnemerId, '00000');
    await host.stop();
    const again = await startConsoleHost(dataDir, clock);
    const answer = await again.ok<AfnemerLoginResponse>('afnemer.login', creds(valid));
    expect(refusalOf(answer).code).toBe('locked');
    const file = JSON.parse(readFileSync(join(dataDir, AFNEMER_DIR, LOCKOUTS_FILE), 'utf8'));
    expect(file.entries['AFN-10001']).toMatchObject({ lockouts: 1, failures: 0 });
  });

  it('a good PIN clears the count, so the next wrong one has 4 attempts left again', async () => {
    const { login } = await setup();
    await login(valid.afnemerId, '00000');
    await login(valid.afnemerId, '00000');
    expect((await login(valid.afnemerId, valid.pin)).outcome).toBe('ok');
    expect(refusalOf(await login(valid.afnemerId, '00000')).attemptsLeft).toBe(4);
  });

  it('refuses an expired certificate with its expiry date, and a revoked one', async () => {
    const { login } = await setup();
    const refusal = refusalOf(await login(expired.afnemerId, expired.pin));
    expect(refusal).toMatchObject({ code: 'expired', validUntil: '2024-01-31' });
    expect(refusal.message).toContain('31 januari 2024');
    expect(refusalOf(await login(revoked.afnemerId, revoked.pin)).code).toBe('revoked');
  });

  it('treats the last valid day as valid until midnight in Amsterdam', async () => {
    const dataDir = tempDataDir();
    await writeRosterFixture(dataDir, { afnemers: [{ ...valid, validUntil: '2026-11-22' }] });
    const clock = new TestClock(Date.parse('2026-11-22T22:58:00.000Z'));
    const host = await startConsoleHost(dataDir, clock);
    expect((await host.ok<AfnemerLoginResponse>('afnemer.login', creds(valid))).outcome).toBe('ok');
    clock.time = Date.parse('2026-11-22T23:00:30.000Z');
    expect(refusalOf(await host.ok<AfnemerLoginResponse>('afnemer.login', creds(valid))).code).toBe(
      'expired',
    );
  });

  it('refuses a tampered roster, one signed by another key, and one of another gemeente', async () => {
    const { dataDir, fixture, host, login } = await setup();
    // Edited and sealed again under the kiosk's own roster key: the signature still refuses it.
    const edited = JSON.stringify(fixture.signed).replace('Anna de Vries', 'Anna de Vriez');
    await fixture.writeEnvelope(JSON.parse(edited));
    expect(refusalOf(await login(valid.afnemerId, valid.pin)).code).toBe('roster-invalid');
    const status = await host.ok<AfnemerStatus>('afnemer.status');
    expect(status).toMatchObject({ roster: null, rosterProblem: { code: 'roster-invalid' } });

    const other = await writeRosterFixture(tempDataDir(), {
      serverPrivateKey: generateKeyPairSync('ed25519').privateKey,
    });
    await fixture.writeEnvelope(other.signed);
    expect(refusalOf(await login(valid.afnemerId, valid.pin)).code).toBe('roster-invalid');

    await fixture.rewrite((roster) => ({ ...roster, gemeente: 'Zeist' }));
    expect(refusalOf(await login(valid.afnemerId, valid.pin)).code).toBe('roster-invalid');
    await fixture.rewrite((roster) => roster);
    expect((await login(valid.afnemerId, valid.pin)).outcome).toBe('ok');
    expect(dataDir).toBeTruthy();
  });

  it('refuses a sealed roster with a flipped byte calmly, keeps the file, and logs in once it is whole', async () => {
    const { fixture, host, login } = await setup();
    const original = readFileSync(fixture.rosterFile);
    const damaged = Buffer.from(original);
    const at = original.indexOf('"ciphertext":"') + 30;
    damaged[at] = damaged[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(fixture.rosterFile, damaged);
    const refusal = refusalOf(await login(valid.afnemerId, valid.pin));
    expect(refusal.code).toBe('roster-invalid');
    expect(refusal.message).toContain('beschadigd');
    expect((await host.ok<AfnemerStatus>('afnemer.status')).rosterProblem?.code).toBe('roster-invalid');
    expect(readFileSync(fixture.rosterFile).equals(damaged)).toBe(true);
    writeFileSync(fixture.rosterFile, original);
    expect((await login(valid.afnemerId, valid.pin)).outcome).toBe('ok');
  });

  it("logs in against an upgraded kiosk's plain roster.json, which is sealed and removed on the way", async () => {
    const dataDir = tempDataDir();
    const fixture = await writeRosterFixture(dataDir, { legacy: true });
    expect(fixture.rosterFile).toBe(join(dataDir, 'roster.json'));
    const host = await startConsoleHost(dataDir, new TestClock(Date.parse('2026-11-22T09:00:00.000Z')));
    expect((await host.ok<AfnemerLoginResponse>('afnemer.login', creds(valid))).outcome).toBe('ok');
    expect(existsSync(fixture.rosterFile)).toBe(false);
    expect(readFileSync(join(dataDir, 'roster.sealed'), 'utf8')).not.toContain(valid.afnemerId);
    await host.ok('afnemer.logout');
    expect((await host.ok<AfnemerLoginResponse>('afnemer.login', creds(valid))).outcome).toBe('ok');
  });

  it('refuses an edited plain roster.json as before, and leaves it as it was', async () => {
    const dataDir = tempDataDir();
    const fixture = await writeRosterFixture(dataDir, { legacy: true });
    const edited = readFileSync(fixture.rosterFile, 'utf8').replace('Anna de Vries', 'Anna de Vriez');
    writeFileSync(fixture.rosterFile, edited);
    const host = await startConsoleHost(dataDir, new TestClock());
    expect(refusalOf(await host.ok<AfnemerLoginResponse>('afnemer.login', creds(valid))).code).toBe(
      'roster-invalid',
    );
    expect(readFileSync(fixture.rosterFile, 'utf8')).toBe(edited);
    expect(existsSync(join(dataDir, 'roster.sealed'))).toBe(false);
  });

  it('refuses without service.json (not enrolled) and without a roster', async () => {
    const { dataDir, fixture, login } = await setup();
    unlinkSync(fixture.rosterFile);
    expect(refusalOf(await login(valid.afnemerId, valid.pin)).code).toBe('no-roster');
    unlinkSync(join(dataDir, 'service.json'));
    const refusal = refusalOf(await login(valid.afnemerId, valid.pin));
    expect(refusal.code).toBe('not-enrolled');
    expect(refusal.message).toContain('niet gekoppeld');
  });

  it('refuses logins while lockouts.json is unreadable, and leaves the file as it was', async () => {
    const dataDir = tempDataDir();
    await writeRosterFixture(dataDir);
    mkdirSync(join(dataDir, AFNEMER_DIR));
    const file = join(dataDir, AFNEMER_DIR, LOCKOUTS_FILE);
    writeFileSync(file, '{"schema":"lbt.afnemer-lockouts/1","entries":{"AFN-10001":');
    const host = await startConsoleHost(dataDir, new TestClock());
    const answer = await host.ok<AfnemerLoginResponse>('afnemer.login', creds(valid));
    expect(refusalOf(answer).code).toBe('lockouts-unreadable');
    expect(readFileSync(file, 'utf8')).toBe('{"schema":"lbt.afnemer-lockouts/1","entries":{"AFN-10001":');
  });
});
