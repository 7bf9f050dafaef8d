/**
 * lockouts.json at rest, on real files: a deleted, forged, edited or older file is refused (never read as "no
 * lockouts"), a plain file from the previous kiosk version keeps its counts, and a beheerder's reset lets logins
 * in again.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskResetLockouts } from '../../../../../src/cli/commands/kiosk-reset-lockouts';
import { readCliConfig } from '../../../../../src/shared/config';
import { AFNEMER_DIR, LOCKOUTS_ANCHOR_FILE, LOCKOUTS_FILE } from '../../../../../src/host/afnemer';
import type { AfnemerLoginResponse } from '../../../../../src/shared/afnemer';
import { TEST_AFNEMERS, writeRosterFixture } from '../../../../support/roster-fixture';
import { startConsoleHost, tempDataDir, TestClock } from '../../../../support/afnemer-harness';

const { valid } = TEST_AFNEMERS;

async function setup() {
  const dataDir = tempDataDir();
  await writeRosterFixture(dataDir);
  const clock = new TestClock(Date.parse('2026-11-22T09:00:00.000Z'));
  const file = join(dataDir, AFNEMER_DIR, LOCKOUTS_FILE);
  const anchor = join(dataDir, LOCKOUTS_ANCHOR_FILE);
  /** A fresh host on the same data dir, as after a restart: nothing is remembered in memory. */
  const login = async (pin: string) => {
    const host = await startConsoleHost(dataDir, clock);
    try {
      return await host.ok<AfnemerLoginResponse>('afnemer.login', { afnemerId: valid.afnemerId, pin });
    } finally {
      await host.stop();
    }
  };
  const code = async (pin: string) => {
    const answer = await login(pin);
    return answer.outcome === 'refused' ? answer.refusal.code : 'ok';
  };
  /** The beheerder's command, as `lbt kiosk reset-lockouts --data <dir>` runs it. */
  const reset = async () =>
    expect(await kioskResetLockouts.run(['--data', dataDir], readCliConfig({}))).toBe(0);
  return { dataDir, file, anchor, login, code, reset };
}

describe('lockouts.json at rest', () => {
  it('writes a MACed, numbered file and its anchor at the first PIN check', async () => {
    const { file, anchor, code } = await setup();
    expect(await code(valid.pin)).toBe('ok');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      schema: 'lbt.afnemer-lockouts/2',
      generation: 0,
      entries: {},
    });
    expect(JSON.parse(readFileSync(anchor, 'utf8'))).toMatchObject({ generation: 0 });
  });

  it('refuses logins once the file is deleted, with the Dutch message, until a beheerder resets it', async () => {
    const { file, login, code, reset } = await setup();
    expect(await code('00000')).toBe('wrong-pin');
    unlinkSync(file);
    const answer = await login(valid.pin);
    expect(answer).toMatchObject({ outcome: 'refused', refusal: { code: 'lockouts-unreadable' } });
    if (answer.outcome === 'refused') expect(answer.refusal.message).toContain('beheerder');
    expect(existsSync(file)).toBe(false);
    await reset();
    expect(await code(valid.pin)).toBe('ok');
  });

  it('refuses an older copy put back in place of the latest (rollback)', async () => {
    const { dataDir, file, code } = await setup();
    expect(await code('00000')).toBe('wrong-pin');
    const older = join(dataDir, 'older-lockouts.json');
    copyFileSync(file, older);
    for (let i = 0; i < 4; i++) await code('00000');
    expect(await code(valid.pin)).toBe('locked');
    copyFileSync(older, file);
    expect(await code(valid.pin)).toBe('lockouts-unreadable');
  });

  it('refuses an edited count, a forged file, a plain file and a deleted anchor; each is left as it was', async () => {
    const { file, anchor, code, reset } = await setup();
    for (let i = 0; i < 5; i++) await code('00000');
    expect(await code(valid.pin)).toBe('locked');
    const latest = readFileSync(file, 'utf8');

    const edited = JSON.parse(latest);
    edited.entries['AFN-10001'].lockedUntil = null;
    writeFileSync(file, JSON.stringify(edited));
    expect(await code(valid.pin)).toBe('lockouts-unreadable');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(edited);

    writeFileSync(file, JSON.stringify({ ...edited, entries: {}, mac: 'A'.repeat(43) + '=' }));
    expect(await code(valid.pin)).toBe('lockouts-unreadable');

    writeFileSync(file, JSON.stringify({ schema: 'lbt.afnemer-lockouts/1', entries: {} }));
    expect(await code(valid.pin)).toBe('lockouts-unreadable');

    writeFileSync(file, latest);
    expect(await code(valid.pin)).toBe('locked');
    unlinkSync(anchor);
    expect(await code(valid.pin)).toBe('lockouts-unreadable');
    await reset();
    expect(await code(valid.pin)).toBe('ok');
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toEqual({});
  });

  it("keeps the counts of a previous version's plain lockouts.json and MACs it", async () => {
    const { dataDir, file, code } = await setup();
    mkdirSync(join(dataDir, AFNEMER_DIR));
    const entry = { failures: 3, lockouts: 1, lockedUntil: null, lastFailureAt: '2026-11-21T09:00:00.000Z' };
    writeFileSync(
      file,
      JSON.stringify({ schema: 'lbt.afnemer-lockouts/1', entries: { 'AFN-10001': entry } }),
    );
    expect(await code('00000')).toBe('wrong-pin');
    const migrated = JSON.parse(readFileSync(file, 'utf8'));
    expect(migrated.schema).toBe('lbt.afnemer-lockouts/2');
    expect(migrated.entries['AFN-10001']).toMatchObject({ failures: 4, lockouts: 1 });
    // The fifth in a row locks, for the second interval (5 minutes): the old lock count was kept too.
    expect(await code('00000')).toBe('locked');
  });

  it('accepts the first, empty file whose anchor a crash kept from being written', async () => {
    const { anchor, code } = await setup();
    expect(await code(valid.pin)).toBe('ok');
    unlinkSync(anchor);
    expect(await code(valid.pin)).toBe('ok');
    expect(existsSync(anchor)).toBe(true);
  });
});
