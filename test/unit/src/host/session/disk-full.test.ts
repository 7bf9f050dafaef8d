/**
 * A full disk during a sitting, for real: the data dir on a 256 KiB tmpfs mounted for this file
 * (the tests run as root), as in test/unit/src/host/journal/disk-full.test.ts. Skipped with the reason where mounting is
 * not permitted, never faked. (A read-only remount is refused while the host holds its journal open for writing,
 * so the read-only case is covered on the journal itself in test/unit/src/host/journal/disk-full.test.ts.)
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../../../src/shared/session';
import { mountSmallTmpfs } from '../../../../support/small-tmpfs';
import {
  openRequest,
  sittingInputs,
  startHost,
  TestClock,
  type Host,
} from '../../../../support/session-durable-harness';

const tmpfs = mountSmallTmpfs('durable');
const { mountPoint, error: mountError } = tmpfs;

const hosts: Host[] = [];
const filler = join(mountPoint, 'filler');

afterEach(async () => {
  if (mountError) return;
  rmSync(filler, { force: true });
  await Promise.all(hosts.splice(0).map((host) => host.stop().catch(() => undefined)));
});

afterAll(() => {
  tmpfs.unmount();
});

const fill = () => tmpfs.fill(filler);

async function start(dir: string, clock: TestClock) {
  const host = await startHost(join(mountPoint, dir), clock);
  hosts.push(host);
  return host;
}

describe.skipIf(mountError !== null)('a full disk during a sitting (real tmpfs)', () => {
  it('refuses the action with the Dutch message, loses nothing, continues once there is room', async () => {
    const clock = new TestClock();
    const host = await start('full', clock);
    await host.call('session.open', openRequest);
    const inputs = sittingInputs();
    const firstOpgave = inputs.findIndex((i) => i.type === 'opgave.shown') + 1;
    for (const input of inputs.slice(0, firstOpgave)) await host.dispatch(input);
    fill();
    // The journal's last page may take an event or two; the first that needs a new page is refused.
    const tap = inputs[firstOpgave]!;
    let refused: { code: string; message: string } | null = null;
    let acknowledged = host.durable.service.state()!.lastSeq;
    for (let n = 0; n < 40 && !refused; n++) {
      const result = await host.call('session.dispatch', tap);
      if (result.ok) acknowledged = (result.value as SessionView).state.lastSeq;
      else refused = result.error;
    }
    expect(refused).toMatchObject({ code: 'rejected' });
    expect(refused!.message).toMatch(/^De schijf is vol\. .*\(code LBT-J01\)$/);
    expect(host.internal).toEqual([]);
    expect(host.durable.service.state()!.lastSeq).toBe(acknowledged);

    rmSync(filler);
    for (const input of inputs.slice(firstOpgave)) await host.dispatch(input);
    expect(host.durable.service.state()!.status).toBe('completed');

    // Closing needs the result on disk first: a full disk refuses the close, leaves no file, keeps it open.
    fill();
    const close = await host.call('session.dispatch', {
      type: 'session.closed',
      afnemerId: 'afnemer-7',
    });
    expect(close).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(!close.ok && close.error.message).toMatch(
      /^Het resultaat kon niet worden opgeslagen: de schijf is vol\. .*\(code LBT-R01\)$/,
    );
    expect(readdirSync(join(mountPoint, 'full', 'results'))).toEqual([]);
    expect(host.durable.service.state()!.status).toBe('completed');
    const lastSeq = host.durable.service.state()!.lastSeq;
    await host.stop();

    // A restart (still full) resumes every acknowledged event; with room again the close goes through.
    const again = await start('full', clock);
    const resumed = again.durable.service.state()!;
    expect(resumed.status).toBe('completed');
    // The interruption is recorded if the journal's last page still has room; either way nothing is lost.
    expect(again.durable.recovery.resumed).toMatchObject({ events: lastSeq });
    expect(resumed.lastSeq).toBe(lastSeq + (again.durable.recovery.resumed!.interruption ? 1 : 0));
    rmSync(filler);
    const closed = await again.dispatch({ type: 'session.closed', afnemerId: 'afnemer-7' });
    expect(closed.state.status).toBe('closed');
    const stored = await again.call('result.get', { sessionId: closed.state.session!.sessionId });
    expect(stored).toMatchObject({
      ok: true,
      value: { payload: { status: 'completed', scoring: { raw: 4 } } },
    });
  });
});
