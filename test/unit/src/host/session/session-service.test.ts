import { describe, expect, it } from 'vitest';
import type { SessionEventInput, SessionView } from '../../../../../src/shared/session';
import { items, keys, practice, practiceInputs } from '../../../../support/session-fixture';
import {
  openRequest,
  propertyNames,
  setup,
  toFirstOpgave,
} from '../../../../support/session-service-harness';

describe('host session service through the router', () => {
  it('opens a sitting: the view starts at the first practice item, stamped by the host', async () => {
    const t = setup();
    await expect(t.call('session.state')).resolves.toEqual({ ok: true, value: null });
    const opened = await t.call('session.open', openRequest);
    expect(opened.ok).toBe(true);
    const view = (opened as { value: SessionView }).value;
    expect(view.state.status).toBe('active');
    expect(view.state.session).toMatchObject({
      packageId: 'mini-pkg',
      cesuur: 2,
      language: 'nl',
      conditions: {},
    });
    expect(view.step).toMatchObject({
      phase: { kind: 'practice', index: 0, itemId: 'o1', shown: false, voorbeeld: 'none' },
      itemId: 'o1',
      practiceCount: 3,
    });
    await expect(t.call('session.state')).resolves.toEqual({ ok: true, value: view });
    expect(t.sinks[0]!.events.map((e) => [e.seq, e.type])).toEqual([[1, 'session.opened']]);
  });

  it('runs a whole sitting; practice feedback comes from the host and no key reaches the page', async () => {
    const t = setup();
    await t.call('session.open', openRequest);
    await t.dispatch({ type: 'practice.shown', itemId: 'o1' });
    const wrongTry = await t.dispatch({
      type: 'practice.answered',
      itemId: 'o1',
      response: { kind: 'choose', optionId: 'b' },
      inputType: 'touch',
    });
    expect(wrongTry.step.practiceFeedback).toEqual({ correct: false });
    const views: SessionView[] = [wrongTry];
    const step = async (input: SessionEventInput) => views.push(await t.dispatch(input));
    // o1 is on screen already (answered wrong above); the rest from the start, voorbeeld and all.
    for (const input of practice.flatMap(practiceInputs))
      if (!(input.type === 'practice.shown' && input.itemId === 'o1')) await step(input);
    await step({ type: 'practice.finished' });
    let family = '';
    for (const item of items) {
      if (item.family !== family)
        await step({ type: 'family.instruction-shown', family: (family = item.family) });
      await step({ type: 'voorbeeld.shown', itemId: item.id });
      await step({ type: 'voorbeeld.demonstrated', itemId: item.id });
      await step({ type: 'opgave.shown', itemId: item.id });
      await step({ type: 'answer.committed', itemId: item.id, response: keys[item.id]!, inputType: 'touch' });
    }
    await step({ type: 'session.completed' });
    await step({ type: 'session.closed', afnemerId: 'afnemer-7' });
    const last = views[views.length - 1]!;
    expect(last.state.status).toBe('closed');
    expect(last.state.counts.committed).toBe(4);
    for (const view of views) {
      expect(propertyNames(view)).not.toContain('key');
      expect(propertyNames(view.state.items)).not.toContain('correct');
    }
    const events = t.sinks[0]!.events;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(t.session.events()).toEqual(events);
    expect(events.find((e) => e.type === 'practice.answered')).toMatchObject({ correct: false });
  });

  it('answers an invalid event with a rejected error and leaves state and sink alone', async () => {
    const t = setup();
    await toFirstOpgave(t);
    const before = t.session.view();
    const stored = t.sinks[0]!.events.length;
    const incomplete = await t.call('session.dispatch', {
      type: 'answer.committed',
      itemId: 'w2',
      response: { kind: 'place', targetId: 'q' },
      inputType: 'touch',
    });
    expect(incomplete).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringContaining('w2') },
    });
    const back = await t.call('session.dispatch', { type: 'navigation.back' });
    expect(back).toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringMatching(/niet toegestaan/) },
    });
    expect(t.session.view()).toEqual(before);
    expect(t.sinks[0]!.events).toHaveLength(stored);
    // The next accepted event takes the next seq: a refused one leaves no gap.
    const ok = await t.dispatch({
      type: 'answer.changed',
      itemId: 'w1',
      response: { kind: 'choose', optionId: 'a' },
      inputType: 'mouse',
    });
    expect(ok.state.lastSeq).toBe(stored + 1);
    expect(ok.step).toMatchObject({ answer: { kind: 'choose', optionId: 'a' }, canCommit: true });
  });

  it('refuses host-only events and stamped fields from the page as invalid requests', async () => {
    const t = setup();
    await t.call('session.open', openRequest);
    const forged = [
      { type: 'session.interrupted', from: '2026-03-02T09:00:00.000Z', to: '2026-03-02T09:01:00.000Z' },
      { type: 'session.opened' },
      { type: 'practice.shown', itemId: 'o1', seq: 9 },
      {
        type: 'practice.answered',
        itemId: 'o1',
        response: { kind: 'choose', optionId: 'a' },
        inputType: 'touch',
        correct: true,
      },
      {
        type: 'answer.changed',
        itemId: 'o1',
        response: { kind: 'choose', optionId: 'a' },
        inputType: 'keyboard',
      },
    ];
    for (const request of forged) {
      await expect(t.call('session.dispatch', request)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(t.sinks[0]!.events).toHaveLength(1);
  });

  it('handles a double tap on "volgende" as two events in order: one commit, one refusal', async () => {
    const t = setup();
    await toFirstOpgave(t);
    const commit = { type: 'answer.committed', itemId: 'w1', response: keys.w1, inputType: 'touch' };
    const [first, second] = await Promise.all([
      t.call('session.dispatch', commit),
      t.call('session.dispatch', commit),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'rejected' } });
    const state = t.session.state()!;
    expect(state.items[0]!.commits).toBe(1);
    expect(state.phase).toEqual({
      kind: 'voorbeeld',
      itemIndex: 1,
      itemId: 'w2',
      shown: false,
      demonstrated: false,
    });
  });

  it('allows one sitting at a time, and a new one after closing', async () => {
    const ids = ['0b7e6c1a-3f4d-4e5a-9b8c-1d2e3f4a5b6c', '1c8f7d2b-4a5e-4f6b-8c9d-2e3f4a5b6c7d'];
    const t = setup({ newSessionId: () => ids.shift()! });
    await t.call('session.open', openRequest);
    await expect(t.call('session.open', openRequest)).resolves.toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringMatching(/al een sessie/) },
    });
    await t.dispatch({ type: 'session.aborted', reason: 'wrong-candidate' });
    await expect(t.call('session.open', openRequest)).resolves.toMatchObject({
      ok: false,
      error: { code: 'rejected' },
    });
    await t.dispatch({ type: 'session.closed', afnemerId: 'afnemer-7' });
    const again = await t.call('session.open', { ...openRequest, language: 'en' });
    expect(again).toMatchObject({
      ok: true,
      value: {
        state: {
          status: 'active',
          session: { sessionId: '1c8f7d2b-4a5e-4f6b-8c9d-2e3f4a5b6c7d', language: 'en' },
        },
      },
    });
    expect(t.sinks).toHaveLength(2);
  });

  it('refuses to open without a package, with a language the test does not offer, or with bad details', async () => {
    const none = setup({ content: () => null });
    await expect(none.call('session.open', openRequest)).resolves.toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringMatching(/itempakket/) },
    });
    const t = setup();
    await expect(t.call('session.open', { ...openRequest, language: 'ti' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringMatching(/"ti"/) },
    });
    await expect(t.call('session.open', { ...openRequest, candidateRef: '  ' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request', issues: [{ path: '$.candidateRef' }] },
    });
    await expect(
      t.call('session.open', { ...openRequest, conditions: { shoeSize: 44 } }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(t.sinks).toHaveLength(0);
    await expect(t.call('session.dispatch', { type: 'session.resumed' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'rejected', message: expect.stringMatching(/geen sessie/) },
    });
  });
});
