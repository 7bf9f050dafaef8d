/**
 * The console login's idle timeout, with the test clock: the host signs an afnemer out after the configured
 * minutes without an afnemer action; candidate calls neither count nor are refused; the PIN on the running
 * sitting's overlay still works and signs the afnemer in again.
 */
import { describe, expect, it } from 'vitest';
import {
  AfnemerIdleConfigError,
  afnemerIdleMinutesFromEnv,
} from '../../../../../src/host/afnemer/idle-timeout';
import type { AfnemerStatus, SittingActionResponse } from '../../../../../src/shared/afnemer';
import { sittingInputs } from '../../../../support/session-durable-harness';
import { TEST_AFNEMERS, writeRosterFixture } from '../../../../support/roster-fixture';
import { startConsoleHost, startRequest, tempDataDir, TestClock } from '../../../../support/afnemer-harness';

const { valid } = TEST_AFNEMERS;
const MINUTE = 60_000;

async function setup() {
  const dataDir = tempDataDir();
  await writeRosterFixture(dataDir);
  // A clock that stands still unless a test moves it, so "just before" and "just after" are exact.
  const clock = new TestClock(Date.parse('2026-11-22T09:00:00.000Z'));
  clock.now = () => new Date(clock.time);
  const host = await startConsoleHost(dataDir, clock, { idleMinutes: 10 });
  await host.ok('afnemer.login', { afnemerId: valid.afnemerId, pin: valid.pin });
  await host.readyDevice();
  const status = () => host.ok<AfnemerStatus>('afnemer.status');
  const startRefusal = async () => {
    const answer = await host.call('afnemer.startSession', startRequest);
    return answer.ok ? null : answer.error.message;
  };
  return { clock, host, status, startRefusal };
}

describe('the afnemer idle timeout', () => {
  it('keeps the login up to the timeout and ends it after, with the Dutch reason', async () => {
    const { clock, status, startRefusal } = await setup();
    clock.time += 10 * MINUTE;
    expect((await status()).afnemer?.afnemerId).toBe(valid.afnemerId);
    clock.time += 1;
    const after = await status();
    expect(after.afnemer).toBeNull();
    expect(after.signedOut).toMatchObject({
      code: 'signed-out-idle',
      message: 'U bent afgemeld na 10 minuten zonder activiteit. Log opnieuw in.',
    });
    expect(await startRefusal()).toBe('U bent afgemeld na 10 minuten zonder activiteit. Log opnieuw in.');
  });

  it('is extended by an afnemer action, not by reading the status', async () => {
    const { clock, host, status, startRefusal } = await setup();
    clock.time += 9 * MINUTE;
    await status();
    // An afnemer action (refused for its request, but by a logged-in afnemer) counts as activity.
    const bad = await host.call('afnemer.startSession', { ...startRequest, candidateRef: 'Jan Jansen' });
    expect(bad.ok).toBe(false);
    clock.time += 9 * MINUTE;
    expect((await status()).afnemer).not.toBeNull();
    expect(await startRefusal()).toBeNull();
    clock.time += 10 * MINUTE + 1;
    expect((await status()).afnemer).toBeNull();
  });

  it('never disturbs a running sitting: candidate calls go on, the PIN pauses and signs in again', async () => {
    const { clock, host, status } = await setup();
    await host.ok('afnemer.startSession', startRequest);
    const inputs = sittingInputs();
    clock.time += 30 * MINUTE;
    for (const input of inputs.slice(0, 12)) await host.ok('session.dispatch', input);
    expect((await status()).signedOut?.code).toBe('signed-out-idle');

    const wrong = await host.ok<SittingActionResponse>('afnemer.pause', {
      pin: '00000',
      reason: 'disturbance',
    });
    expect(wrong).toMatchObject({ outcome: 'refused', refusal: { code: 'wrong-pin' } });
    expect((await status()).afnemer).toBeNull();
    const paused = await host.ok<SittingActionResponse>('afnemer.pause', {
      pin: valid.pin,
      reason: 'disturbance',
    });
    expect(paused).toMatchObject({ outcome: 'ok', sitting: { status: 'paused' } });
    expect(await status()).toMatchObject({ afnemer: { afnemerId: valid.afnemerId }, signedOut: null });
  });

  it('forgets the signed-out afnemer on an explicit logout: a PIN alone is not enough then', async () => {
    const { clock, host } = await setup();
    await host.ok('afnemer.startSession', startRequest);
    clock.time += 11 * MINUTE;
    await host.ok('afnemer.logout');
    const answer = await host.ok<SittingActionResponse>('afnemer.unlock', { pin: valid.pin });
    expect(answer).toMatchObject({ outcome: 'refused', refusal: { code: 'not-logged-in' } });
  });
});

describe('LBT_AFNEMER_IDLE_MINUTES', () => {
  it('defaults to 10 minutes and takes whole minutes from 1 to 480', () => {
    expect(afnemerIdleMinutesFromEnv({})).toBe(10);
    expect(afnemerIdleMinutesFromEnv({ LBT_AFNEMER_IDLE_MINUTES: '' })).toBe(10);
    expect(afnemerIdleMinutesFromEnv({ LBT_AFNEMER_IDLE_MINUTES: '1' })).toBe(1);
    expect(afnemerIdleMinutesFromEnv({ LBT_AFNEMER_IDLE_MINUTES: '480' })).toBe(480);
  });

  it('refuses anything else with a clear error instead of turning the timeout off', () => {
    for (const value of ['0', '481', '-5', '2.5', 'ten', ' 10', 'Infinity']) {
      expect(() => afnemerIdleMinutesFromEnv({ LBT_AFNEMER_IDLE_MINUTES: value }), value).toThrow(
        AfnemerIdleConfigError,
      );
      expect(() => afnemerIdleMinutesFromEnv({ LBT_AFNEMER_IDLE_MINUTES: value }), value).toThrow(
        `LBT_AFNEMER_IDLE_MINUTES=${JSON.stringify(value)} is not a number of minutes from 1 to 480`,
      );
    }
  });
});
