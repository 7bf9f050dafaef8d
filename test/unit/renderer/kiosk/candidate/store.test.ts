import { describe, expect, it, vi } from 'vitest';
import type { CandidatePort } from '../../../../../renderer/kiosk/candidate/port';
import {
  advancePending,
  createCandidateStore,
  HOST_RETRY_MS,
  shownResponse,
  stage,
} from '../../../../../renderer/kiosk/candidate/store';
import type { CandidateStore } from '../../../../../renderer/kiosk/candidate/store';
import { reducerPort } from './reducer-port';

async function throughPractice(store: CandidateStore) {
  await store.send({ type: 'practice.shown', itemId: 'o-tap' });
  await store.send({
    type: 'practice.answered',
    itemId: 'o-tap',
    response: { kind: 'choose', optionId: 'bal' },
    inputType: 'touch',
  });
  await store.send({ type: 'practice.shown', itemId: 'o-drag' });
  await store.send({
    type: 'practice.answered',
    itemId: 'o-drag',
    response: { kind: 'place', targetId: 'p2' },
    inputType: 'touch',
  });
  await store.send({ type: 'practice.shown', itemId: 'o-listen' });
  await store.send({
    type: 'practice.answered',
    itemId: 'o-listen',
    response: { kind: 'choose', optionId: 'vis' },
    inputType: 'touch',
  });
  await store.send({ type: 'practice.finished' });
  await store.send({ type: 'family.instruction-shown', family: 'woorden-leren' });
  await store.send({ type: 'voorbeeld.shown', itemId: 'w-1' });
  await store.send({ type: 'voorbeeld.demonstrated', itemId: 'w-1' });
  await store.send({ type: 'opgave.shown', itemId: 'w-1' });
}

describe('the candidate store', () => {
  it('opens on the welcome screen and follows the host into practice with gentle feedback', async () => {
    const host = reducerPort();
    const store = createCandidateStore(host.port);
    await store.open('kandidaat-1', 'nl');
    expect(stage(store.getState())).toEqual({ kind: 'welcome' });
    await store.send({ type: 'practice.shown', itemId: 'o-tap' });
    expect(stage(store.getState())).toMatchObject({
      kind: 'practice',
      index: 0,
      shown: true,
      feedback: null,
    });
    await store.send({
      type: 'practice.answered',
      itemId: 'o-tap',
      response: { kind: 'choose', optionId: 'vis' },
      inputType: 'touch',
    });
    expect(stage(store.getState())).toMatchObject({ kind: 'practice', feedback: 'try-again' });
    await store.send({
      type: 'practice.answered',
      itemId: 'o-tap',
      response: { kind: 'choose', optionId: 'bal' },
      inputType: 'touch',
    });
    expect(stage(store.getState())).toMatchObject({ kind: 'practice', feedback: 'correct' });
  });

  it('shows the practice-done choice once the last feedback was acknowledged, and can practise again', async () => {
    const host = reducerPort();
    const store = createCandidateStore(host.port);
    await store.open('k', 'nl');
    for (const [id, response] of [
      ['o-tap', { kind: 'choose', optionId: 'bal' }],
      ['o-drag', { kind: 'place', targetId: 'p1' }],
      ['o-listen', { kind: 'choose', optionId: 'vis' }],
    ] as const) {
      await store.send({ type: 'practice.shown', itemId: id });
      await store.send({ type: 'practice.answered', itemId: id, response, inputType: 'touch' });
    }
    expect(stage(store.getState())).toMatchObject({ kind: 'practice', last: true, feedback: 'correct' });
    store.setState({ flags: { practiceDoneRound: store.getState().session!.counts.practiceRounds } });
    expect(stage(store.getState())).toEqual({ kind: 'practice-done' });
    await store.send({ type: 'practice.restarted' });
    // A new round: straight into the first practice item (no welcome again), not yet shown.
    expect(stage(store.getState())).toMatchObject({
      kind: 'practice',
      index: 0,
      shown: false,
      feedback: null,
    });
  });

  it('keeps a tap made while the host is busy: it is drawn at once and reaches the host in order', async () => {
    const host = reducerPort();
    const store = createCandidateStore(host.port);
    await store.open('k', 'nl');
    await throughPractice(store);
    expect(stage(store.getState())).toMatchObject({ kind: 'opgave', itemId: 'w-1' });

    host.holdCalls(true);
    void store.send({
      type: 'answer.changed',
      itemId: 'w-1',
      response: { kind: 'choose', optionId: 'bal' },
      inputType: 'touch',
    });
    void store.send({
      type: 'answer.changed',
      itemId: 'w-1',
      response: { kind: 'choose', optionId: 'vis' },
      inputType: 'touch',
    });
    // The second tap is shown before the host answered the first.
    expect(shownResponse(store.getState())).toEqual({ kind: 'choose', optionId: 'vis' });
    expect(store.getState().queue).toHaveLength(1);
    host.holdCalls(false);
    host.release();
    await store.settled();
    expect(host.state.items[0]!.current).toEqual({ kind: 'choose', optionId: 'vis' });
    expect(host.state.items[0]!.changes).toBe(2);
  });

  it('treats "volgende" as pending until the host answers, so a double tap advances once', async () => {
    const host = reducerPort();
    const store = createCandidateStore(host.port);
    await store.open('k', 'nl');
    await throughPractice(store);
    await store.send({
      type: 'answer.changed',
      itemId: 'w-1',
      response: { kind: 'choose', optionId: 'vis' },
      inputType: 'touch',
    });
    host.holdCalls(true);
    expect(advancePending(store.getState())).toBe(false);
    void store.send({
      type: 'answer.committed',
      itemId: 'w-1',
      response: { kind: 'choose', optionId: 'vis' },
      inputType: 'touch',
    });
    expect(advancePending(store.getState())).toBe(true);
    host.holdCalls(false);
    host.release();
    await store.settled();
    expect(advancePending(store.getState())).toBe(false);
    expect(stage(store.getState())).toMatchObject({ kind: 'voorbeeld', itemId: 'w-2', shown: false });
    expect(host.state.counts.committed).toBe(1);
  });

  it('on a refusal drops what was queued behind it and shows the host state again', async () => {
    const host = reducerPort();
    const store = createCandidateStore(host.port);
    await store.open('k', 'nl');
    await store.send({ type: 'voorbeeld.shown', itemId: 'w-1' });
    expect(store.getState().problem).toMatch(/voorbeeld|scherm/);
    expect(store.getState().queue).toEqual([]);
    expect(stage(store.getState())).toEqual({ kind: 'welcome' });
  });

  it('lets a refused sound record pass without dropping the answer queued after it', async () => {
    const host = reducerPort();
    const store = createCandidateStore(host.port);
    await store.open('k', 'nl');
    await store.send({ type: 'practice.shown', itemId: 'o-tap' });
    void store.send({ type: 'audio.played', source: { kind: 'prompt', scene: 'opgave', itemId: 'w-9' } });
    await store.send({
      type: 'practice.answered',
      itemId: 'o-tap',
      response: { kind: 'choose', optionId: 'bal' },
      inputType: 'touch',
    });
    expect(stage(store.getState())).toMatchObject({ kind: 'practice', feedback: 'correct' });
    expect(store.getState().problem).toBeNull();
  });

  it('sends a screen-entry record only once even when asked twice', async () => {
    const host = reducerPort();
    const store = createCandidateStore(host.port);
    await store.open('k', 'nl');
    host.holdCalls(true);
    void store.sendOnce({ type: 'practice.shown', itemId: 'o-tap' });
    void store.sendOnce({ type: 'practice.shown', itemId: 'o-tap' });
    host.holdCalls(false);
    host.release();
    await store.settled();
    expect(host.received.filter((a) => a.type === 'practice.shown')).toHaveLength(1);
    expect(store.getState().problem).toBeNull();
  });
});

describe('refreshing from the host', () => {
  it('picks up what happened elsewhere (a pause) while the page is idle, and shows the wait screen', async () => {
    const host = reducerPort();
    const store = createCandidateStore(host.port);
    await store.open('k', 'nl');
    await store.send({ type: 'practice.shown', itemId: 'o-tap' });
    // The afnemer pauses the sitting through another caller of the same host.
    await host.port.dispatch({ type: 'session.paused', reason: 'candidate-break' });
    expect(stage(store.getState())).toMatchObject({ kind: 'practice' });
    await store.refresh();
    expect(stage(store.getState())).toEqual({ kind: 'paused' });
  });

  it('does not overwrite the page while an event is on its way', async () => {
    const host = reducerPort();
    const store = createCandidateStore(host.port);
    await store.open('k', 'nl');
    host.holdCalls(true);
    void store.send({ type: 'practice.shown', itemId: 'o-tap' });
    const before = store.getState().session;
    await store.refresh();
    expect(store.getState().session).toBe(before);
    host.holdCalls(false);
    host.release();
    await store.settled();
    expect(stage(store.getState())).toMatchObject({ kind: 'practice', shown: true });
  });
});

describe('the candidate store when the host goes silent', () => {
  /** The reducer port behind a switch: while `down`, every call is answered `unavailable`, as socket-invoke does. */
  function flakyHost() {
    const host = reducerPort();
    let down = false;
    /** When set, the next dispatch reaches the host's journal and only then loses its answer. */
    let dieAfterWrite = false;
    const unavailable = { ok: false as const, error: { code: 'unavailable' as const, message: 'weg' } };
    const waits: number[] = [];
    const pendingWaits: (() => void)[] = [];
    const port: CandidatePort = {
      ...host.port,
      async dispatch(action) {
        if (dieAfterWrite) {
          dieAfterWrite = false;
          down = true;
          await host.port.dispatch(action);
          return unavailable;
        }
        return down ? unavailable : host.port.dispatch(action);
      },
      state: async () => (down ? unavailable : host.port.state()),
    };
    return {
      host,
      port,
      waits,
      setDown(on: boolean) {
        down = on;
      },
      dieOnNextWrite() {
        dieAfterWrite = true;
      },
      /** Each retry waits here until the test lets the clock move on. */
      wait: (ms: number) =>
        new Promise<void>((done) => {
          waits.push(ms);
          pendingWaits.push(done);
        }),
      async tick() {
        await vi.waitFor(() => expect(pendingWaits.length).toBeGreaterThan(0));
        pendingWaits.shift()!();
      },
    };
  }

  const tapVis = {
    type: 'answer.changed' as const,
    itemId: 'w-1',
    response: { kind: 'choose' as const, optionId: 'vis' },
    inputType: 'touch' as const,
  };

  it('drops a tap the host never took, waits with backoff, and shows the host journal again', async () => {
    const flaky = flakyHost();
    const store = createCandidateStore(flaky.port, { wait: flaky.wait });
    await store.open('k', 'nl');
    await throughPractice(store);
    expect(stage(store.getState())).toMatchObject({ kind: 'opgave', itemId: 'w-1' });

    flaky.setDown(true);
    await store.send(tapVis);
    expect(store.getState()).toMatchObject({ hostDown: true, queue: [], inFlight: null });
    // Not taken: the screen shows what the host holds (no answer), not the tap that failed.
    expect(shownResponse(store.getState())).toBeNull();
    // A tap while the waiting pictogram is up is not queued to pile up behind the outage.
    await store.send(tapVis);
    expect(store.getState().queue).toEqual([]);

    await flaky.tick();
    await flaky.tick();
    await flaky.tick();
    flaky.setDown(false);
    await flaky.tick();
    await store.reconnected();
    expect(flaky.waits).toEqual([...HOST_RETRY_MS]);
    expect(store.getState().hostDown).toBe(false);
    expect(stage(store.getState())).toMatchObject({ kind: 'opgave', itemId: 'w-1' });
    expect(shownResponse(store.getState())).toBeNull();
    expect(flaky.host.state.items[0]!.changes).toBe(0);

    // Back in business: the next tap goes through as usual.
    await store.send(tapVis);
    expect(flaky.host.state.items[0]!.current).toEqual({ kind: 'choose', optionId: 'vis' });
  });

  it('never re-sends an event whose answer was lost: the journal recorded it once, and the page shows it', async () => {
    const flaky = flakyHost();
    const store = createCandidateStore(flaky.port, { wait: flaky.wait });
    await store.open('k', 'nl');
    await throughPractice(store);

    flaky.dieOnNextWrite();
    await store.send(tapVis);
    expect(store.getState().hostDown).toBe(true);
    flaky.setDown(false);
    await flaky.tick();
    await store.reconnected();
    expect(store.getState().hostDown).toBe(false);
    expect(flaky.host.received.filter((a) => a.type === 'answer.changed')).toHaveLength(1);
    expect(flaky.host.state.items[0]!.changes).toBe(1);
    expect(shownResponse(store.getState())).toEqual({ kind: 'choose', optionId: 'vis' });
  });

  it('notices a silent host on its idle refresh, too', async () => {
    const flaky = flakyHost();
    const store = createCandidateStore(flaky.port, { wait: flaky.wait });
    await store.open('k', 'nl');
    flaky.setDown(true);
    await store.refresh();
    expect(store.getState().hostDown).toBe(true);
    flaky.setDown(false);
    await flaky.tick();
    await store.reconnected();
    expect(store.getState()).toMatchObject({ hostDown: false, problem: null });
    expect(stage(store.getState())).toEqual({ kind: 'welcome' });
  });
});
