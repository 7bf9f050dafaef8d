import { describe, expect, it } from 'vitest';
import { MemoryEventSink, type EventSink } from '../../../../../src/host/session/event-sink';
import type { SessionEvent } from '../../../../../src/shared/session';
import { openRequest, setup, toFirstOpgave } from '../../../../support/session-service-harness';

describe('host session service: sink, clock and restore', () => {
  it('appends to the sink before updating state, and a failed append means the event did not happen', async () => {
    const seen: { seq: number; stateSeqAtAppend: number }[] = [];
    let fail = false;
    const t = setup({
      openSink: () =>
        ({
          append: async (event: SessionEvent) => {
            seen.push({ seq: event.seq, stateSeqAtAppend: t.session.state()?.lastSeq ?? 0 });
            if (fail) throw new Error('disk full');
          },
        }) satisfies EventSink,
    });
    await t.call('session.open', openRequest);
    await t.dispatch({ type: 'practice.shown', itemId: 'o1' });
    expect(seen).toEqual([
      { seq: 1, stateSeqAtAppend: 0 },
      { seq: 2, stateSeqAtAppend: 1 },
    ]);
    fail = true;
    const failed = await t.call('session.dispatch', { type: 'session.paused', reason: 'technical' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(t.internal).toHaveLength(1);
    expect(t.session.state()!.status).toBe('active');
    expect(t.session.state()!.lastSeq).toBe(2);
    fail = false;
    const retried = await t.dispatch({ type: 'session.paused', reason: 'technical' });
    expect(retried.state.lastSeq).toBe(3);
    expect(seen.map((s) => s.seq)).toEqual([1, 2, 3, 3]);
  });

  it('never stamps a time before the previous event, even when the host clock steps back', async () => {
    const t = setup();
    await t.call('session.open', openRequest);
    t.setTime(Date.parse('2026-03-01T00:00:00.000Z'));
    const view = await t.dispatch({ type: 'practice.shown', itemId: 'o1' });
    const [opened, shown] = t.sinks[0]!.events;
    expect(shown!.at).toBe(opened!.at);
    expect(view.state.clock.activeMs).toBe(0);
  });

  it('restores a sitting from stored events and records the downtime as an interruption', async () => {
    const first = setup();
    await toFirstOpgave(first);
    const stored = [...first.sinks[0]!.events];
    const lastAt = stored[stored.length - 1]!.at;
    const sink = new MemoryEventSink();
    const second = setup();
    const restored = second.session.restore(stored, sink);
    expect(restored).toEqual(first.session.view());
    const downFrom = new Date(Date.parse(lastAt) + 500).toISOString();
    second.setTime(Date.parse(lastAt) + 120_000);
    const downTo = new Date(Date.parse(lastAt) + 110_000).toISOString();
    const view = await second.session.interrupt(downFrom, downTo);
    expect(view.state.clock.interruptedMs).toBe(109_500);
    expect(view.step.phase).toEqual({ kind: 'opgave', itemIndex: 0, itemId: 'w1' });
    expect(sink.events.map((e) => e.type)).toEqual(['session.interrupted']);
    expect(() => second.session.restore(stored.slice(1), new MemoryEventSink())).toThrow(
      /does not fold: event 1/,
    );
  });
});
