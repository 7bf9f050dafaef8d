import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectJournal, Journal, scanJournals } from '../../../../../src/host/journal';
import { loadJournalKey } from '../../../../../src/host/keys/journal-key';
import { FileKeyProvider } from '../../../../../src/host/keys/file-key-provider';
import { createSessionReducer, SessionEvent } from '../../../../../src/shared/session';
import { tempDirs } from '../../../../support/journal-helpers';
import { context, keys, wrong } from '../../../../support/session-fixture';
import { happyPath } from '../../../../support/session-script';
import {
  openRequest,
  sittingInputs,
  startHost,
  TestClock,
} from '../../../../support/session-durable-harness';

const newDir = tempDirs('lbt-durable-');

async function journalEvents(dataDir: string) {
  const key = await loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
  const [name] = readdirSync(join(dataDir, 'journals')).filter((n) => n.endsWith('.lbtj'));
  const analysis = await inspectJournal(join(dataDir, 'journals', name!), key);
  if (!analysis.ok) throw new Error(`journal refused: ${analysis.reason}`);
  return analysis.records.filter((r) => r.type === 1).map((r) => SessionEvent.parse(r.value));
}

describe('journal-backed sittings across a restart', () => {
  it('resumes at the exact item and phase with every committed answer, the downtime an interruption', async () => {
    const dataDir = newDir();
    const clock = new TestClock();
    const first = await startHost(dataDir, clock);
    expect((await first.call('session.open', openRequest)).ok).toBe(true);
    const inputs = sittingInputs({ ...keys, w2: wrong.w2! });
    // Stop in the middle of the second opgave: w1 committed, w2 shown with a (wrong) answer on screen.
    const upTo = inputs.findIndex((i) => i.type === 'answer.changed' && i.itemId === 'w2') + 1;
    for (const input of inputs.slice(0, upTo)) await first.dispatch(input);
    const before = first.durable.service.state()!;
    expect(before.phase).toMatchObject({ kind: 'opgave', itemId: 'w2' });
    await first.stop();

    clock.time += 10 * 60_000; // ten minutes down
    const second = await startHost(dataDir, clock);
    const recovery = await second.call('session.recovery');
    expect(recovery.ok).toBe(true);
    const report = (recovery as { value: { resumed: Record<string, unknown>; refused: unknown[] } }).value;
    expect(report.refused).toEqual([]);
    expect(report.resumed).toMatchObject({
      sessionId: before.session!.sessionId,
      events: before.lastSeq,
      phase: 'opgave',
      itemIndex: 1,
      committed: 1,
      interruption: { from: before.clock.lastAt },
    });
    const resumedView = await second.call('session.state');
    const state = (resumedView as { value: { state: typeof before } }).value.state;
    expect(state.phase).toEqual(before.phase);
    expect(state.items).toEqual(before.items);
    expect(state.lastSeq).toBe(before.lastSeq + 1);
    expect(state.incidents.at(-1)).toMatchObject({ kind: 'interruption', from: before.clock.lastAt });
    expect(state.clock.interruptedMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(state.clock.activeMs).toBe(before.clock.activeMs); // downtime is not test time

    // The resumed state is exactly the fold of what is on disk.
    const stored = await journalEvents(dataDir);
    const fold = createSessionReducer(context()).fold(stored);
    expect(fold.ok && fold.state).toEqual(state);

    for (const input of inputs.slice(upTo)) await second.dispatch(input);
    const closed = await second.dispatch({ type: 'session.closed', afnemerId: 'afnemer-7' });
    expect(closed.state.status).toBe('closed');
    const result = await second.call('result.get', { sessionId: before.session!.sessionId });
    expect(result).toMatchObject({
      ok: true,
      value: {
        payload: { status: 'completed', scoring: { raw: 3, max: 4 }, validity: { interrupted: true } },
      },
    });
    await second.stop();

    // A closed sitting is not resumed again, and nothing is lost from its journal.
    const third = await startHost(dataDir, clock);
    expect(third.durable.recovery.resumed).toBeNull();
    expect(third.durable.service.state()).toBeNull();
    expect((await journalEvents(dataDir)).map((e) => e.seq)).toEqual(
      Array.from({ length: closed.state.lastSeq }, (_, i) => i + 1),
    );
    await third.stop();
  });

  it('gives a journal without its close record one at start: a closed sitting, and an empty one', async () => {
    const dataDir = newDir();
    const clock = new TestClock();
    const key = await loadJournalKey(dataDir, await FileKeyProvider.open(dataDir));
    const dir = join(dataDir, 'journals');
    // A sitting whose `session.closed` was stored but whose close record was not (the host died in between).
    const { events } = happyPath();
    const closed = await Journal.create({
      dir,
      sessionId: '018f3c2e-7b1a-7c3d-9e4f-0a1b2c3d4e5f',
      journalKey: key,
    });
    for (const event of events) await closed.append(event);
    await closed.release();
    // A journal whose `session.opened` never landed (e.g. the disk was full at the first write).
    const empty = await Journal.create({
      dir,
      sessionId: '018f3c2e-7b1a-7c3d-9e4f-000000000000',
      journalKey: key,
    });
    await empty.release();

    const host = await startHost(dataDir, clock);
    expect(host.durable.recovery.resumed).toBeNull();
    expect(host.durable.recovery.finished.map((f) => f.why).sort()).toEqual(['already-closed', 'empty']);
    await host.stop();
    const scans = await scanJournals(dir, key);
    expect(scans.map((s) => s.status)).toEqual(['closed', 'closed']);
    const found = scans.find((s) => s.file === closed.file);
    expect(found?.status === 'closed' ? found.events : null).toEqual(events);
  });
});
