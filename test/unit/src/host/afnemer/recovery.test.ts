/**
 * After a crash the sitting is resumed where it stopped but held (paused, reason `technical`) until a logged-in
 * afnemer of the gemeente resumes it with the PIN on a device checked again; and the `when-enrolled` gate leaves
 * an unenrolled development host as it was before the console.
 */
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenSessionsResponse, SittingActionResponse } from '../../../../../src/shared/afnemer';
import type { SessionView } from '../../../../../src/shared/session';
import { openRequest, sittingInputs } from '../../../../support/session-durable-harness';
import { TEST_AFNEMERS, writeRosterFixture } from '../../../../support/roster-fixture';
import {
  startConsoleHost,
  startRequest,
  tempDataDir,
  TestClock,
  type ConsoleHost,
} from '../../../../support/afnemer-harness';

const { valid, colleague } = TEST_AFNEMERS;
const inputs = sittingInputs();
const afterSecond =
  inputs.findIndex(
    (i, n) => i.type === 'answer.committed' && n > inputs.findIndex((j) => j.type === 'answer.committed'),
  ) + 1;

async function refused(host: ConsoleHost, channel: string, request: unknown = {}) {
  const answer = await host.call(channel, request);
  if (answer.ok) throw new Error(`${channel} was not refused`);
  return answer.error.message;
}

describe('a sitting after a crash', () => {
  it('is held until an afnemer of the gemeente resumes it with the PIN, after a new device check', async () => {
    const dataDir = tempDataDir();
    await writeRosterFixture(dataDir);
    const clock = new TestClock();
    const first = await startConsoleHost(dataDir, clock);
    await first.ok('afnemer.login', { afnemerId: valid.afnemerId, pin: valid.pin });
    await first.readyDevice();
    await first.ok('afnemer.startSession', startRequest);
    for (const input of inputs.slice(0, afterSecond)) await first.ok('session.dispatch', input);
    const before = first.durable.service.state()!;
    await first.stop();

    clock.time += 5 * 60_000;
    const second = await startConsoleHost(dataDir, clock);
    const open = await second.ok<OpenSessionsResponse>('afnemer.openSessions');
    expect(open.sessions).toHaveLength(1);
    expect(open.sessions[0]).toMatchObject({
      status: 'paused',
      held: true,
      answered: 2,
      // Its own reason: the afnemer never chose "technisch probleem" here.
      pause: { reason: 'host-restart' },
    });
    // The candidate cannot go on by themselves.
    expect(await refused(second, 'session.dispatch', inputs[afterSecond])).toBeTruthy();

    const notLoggedIn = await second.ok<SittingActionResponse>('afnemer.resume', { pin: valid.pin });
    expect(notLoggedIn).toMatchObject({ outcome: 'refused', refusal: { code: 'not-logged-in' } });
    // Any certified afnemer of the gemeente may resume it.
    await second.ok('afnemer.login', { afnemerId: colleague.afnemerId, pin: colleague.pin });
    expect(await refused(second, 'afnemer.resume', { pin: colleague.pin })).toContain('apparaatcontrole');
    await second.readyDevice();
    const resumed = await second.ok<SittingActionResponse>('afnemer.resume', { pin: colleague.pin });
    if (resumed.outcome !== 'ok') throw new Error(resumed.refusal.message);
    expect(resumed.sitting).toMatchObject({ status: 'active', held: false, answered: 2 });

    const after = second.durable.service.state()!;
    expect(after.phase).toEqual(before.phase);
    expect(after.items.map((i) => i.committed)).toEqual(before.items.map((i) => i.committed));
    expect(after.incidents.map((i) => i.kind)).toEqual(['interruption', 'pause']);
    await second.ok('session.dispatch', inputs[afterSecond]);
  });
});

describe('the when-enrolled gate', () => {
  it('leaves an unenrolled host ungated, and gates it once service.json exists', async () => {
    const dataDir = tempDataDir();
    const fixture = await writeRosterFixture(dataDir, { writeLink: false });
    const host = await startConsoleHost(dataDir, new TestClock(), { gate: 'when-enrolled' });
    const view = await host.ok<SessionView>('session.open', openRequest);
    expect(view.state.session?.afnemerId).toBe(openRequest.afnemerId);
    await host.ok('session.dispatch', { type: 'session.paused', reason: 'other' });
    // The console's own channel needs a login all the same.
    expect(await refused(host, 'afnemer.startSession', startRequest)).toContain('Log eerst in');

    const { writeServiceLink } = await import('../../../../../src/host/service-link/link-file');
    await writeServiceLink(dataDir, fixture.link);
    expect(await refused(host, 'session.dispatch', { type: 'session.resumed' })).toContain(
      'alleen de toetsafnemer',
    );
    unlinkSync(join(dataDir, 'service.json'));
    await host.ok('session.dispatch', { type: 'session.resumed' });
  });
});
