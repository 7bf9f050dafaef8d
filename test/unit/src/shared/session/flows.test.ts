import { describe, expect, it } from 'vitest';
import {
  checkSessionInvariants,
  createSessionReducer,
  type SessionEvent,
  type SessionEventInput,
  type SessionState,
} from '../../../../../src/shared/session';
import { clockAfter } from '../../../../support/session-events-builder';
import { context, keys } from '../../../../support/session-fixture';
import { happyPath } from '../../../../support/session-script';

/** Folds the happy path up to (and including) the first event matching `pick`, then applies `more`. */
function run(
  pick: (e: SessionEvent) => boolean,
  more: [SessionEventInput | SessionEvent, number][],
  allowBack = false,
) {
  const reducer = createSessionReducer(context({ allowBack }));
  const { events } = happyPath();
  const folded = reducer.fold(events.slice(0, events.findIndex(pick) + 1));
  if (!folded.ok) throw new Error(folded.reason);
  const clock = clockAfter(folded.state, reducer.context);
  let state: SessionState = folded.state;
  for (const [input, stepMs] of more) {
    const event = 'seq' in input ? input : clock.next(input, stepMs);
    if ('seq' in input) clock.seq = input.seq;
    const result = reducer.apply(state, event);
    if (!result.ok) throw new Error(`${event.type}: ${result.reason}`);
    state = result.state;
    expect(checkSessionInvariants(state, reducer.context)).toEqual([]);
  }
  return { state, start: folded.state, reducer };
}

const atOpgave = (id: string) => (e: SessionEvent) => e.type === 'opgave.shown' && e.itemId === id;

describe('session reducer: flows', () => {
  it('counts paused time apart from active time and keeps it out of the response time', () => {
    const { state, start } = run(atOpgave('w1'), [
      [{ type: 'session.paused', reason: 'candidate-break' }, 5_000],
      [{ type: 'session.resumed' }, 60_000],
      [{ type: 'answer.committed', itemId: 'w1', response: keys.w1!, inputType: 'touch' }, 2_000],
    ]);
    expect(state.clock.pausedMs).toBe(60_000);
    expect(state.clock.activeMs - start.clock.activeMs).toBe(7_000);
    expect(state.items[0]!.responseMs).toBe(7_000);
    expect(state.incidents).toEqual([
      { kind: 'pause', reason: 'candidate-break', from: expect.any(String), to: expect.any(String) },
    ]);
    expect(state.counts.pauses).toBe(1);
  });

  it('records a host interruption as neither active nor paused time', () => {
    const reducer = createSessionReducer(context());
    const { events } = happyPath();
    const folded = reducer.fold(events.slice(0, events.findIndex(atOpgave('w1')) + 1));
    const last = Date.parse(folded.state.clock.lastAt!);
    const iso = (t: number) => new Date(t).toISOString();
    const interrupted = {
      type: 'session.interrupted',
      seq: folded.state.lastSeq + 1,
      at: iso(last + 100_000),
      from: iso(last + 10_000),
      to: iso(last + 95_000),
    } as SessionEvent;
    const result = reducer.apply(folded.state, interrupted);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.clock.interruptedMs).toBe(85_000);
    expect(result.state.clock.activeMs - folded.state.clock.activeMs).toBe(15_000);
    expect(result.state.phase).toEqual(folded.state.phase);
    expect(result.state.incidents).toEqual([
      { kind: 'interruption', from: iso(last + 10_000), to: iso(last + 95_000) },
    ]);
  });

  it('lets practice restart (also right after finishing) and counts the rounds', () => {
    const { state } = run(
      (e) => e.type === 'practice.finished',
      [
        [{ type: 'practice.restarted' }, 1000],
        [{ type: 'practice.shown', itemId: 'o1' }, 1000],
        [
          {
            type: 'practice.answered',
            itemId: 'o1',
            response: { kind: 'choose', optionId: 'b' },
            inputType: 'mouse',
          },
          1000,
        ],
        [
          {
            type: 'practice.answered',
            itemId: 'o1',
            response: { kind: 'choose', optionId: 'a' },
            inputType: 'touch',
          },
          1000,
        ],
      ],
    );
    expect(state.counts.practiceRounds).toBe(2);
    expect(state.phase).toEqual({ kind: 'practice', index: 0, itemId: 'o1', shown: true, voorbeeld: 'none' });
    expect(state.practice[0]).toMatchObject({
      attempts: 3,
      lastCorrect: true,
      inputTypes: ['touch', 'mouse'],
    });
    expect(state.practice[1]!.answeredThisRound).toBe(false);
  });

  it('journals a practice voorbeeld: where the candidate is survives a reload, and a restart repeats it', () => {
    const at = (pick: (e: SessionEvent) => boolean) => run(pick, []).state;
    const practiceVoorbeeld = (type: string) => (e: SessionEvent) =>
      e.type === type && 'itemId' in e && e.itemId === 'o2';
    // Folded from the journal alone, each state says which screen to show again.
    expect(at(practiceVoorbeeld('practice.voorbeeld-shown')).phase).toEqual({
      kind: 'practice',
      index: 1,
      itemId: 'o2',
      shown: false,
      voorbeeld: 'shown',
    });
    expect(at(practiceVoorbeeld('practice.voorbeeld-demonstrated')).phase).toMatchObject({
      shown: false,
      voorbeeld: 'demonstrated',
    });
    const { state, start } = run(practiceVoorbeeld('practice.shown'), [
      // "Watch again" on the opgave, with the voorbeeld's sound; then the opgave's own sound.
      [{ type: 'practice.voorbeeld-replayed', itemId: 'o2' }, 1000],
      [{ type: 'audio.played', source: { kind: 'prompt', scene: 'voorbeeld', itemId: 'o2' } }, 1000],
      [{ type: 'audio.played', source: { kind: 'visual', itemId: 'o2', visualId: 'ctx' } }, 1000],
      [{ type: 'practice.voorbeeld-replayed', itemId: 'o2' }, 1000],
      [
        {
          type: 'practice.answered',
          itemId: 'o2',
          response: { kind: 'place', targetId: 'q' },
          inputType: 'touch',
        },
        1000,
      ],
    ]);
    expect(start.phase).toEqual({
      kind: 'practice',
      index: 1,
      itemId: 'o2',
      shown: true,
      voorbeeld: 'demonstrated',
    });
    expect(state.practice[1]).toMatchObject({
      demonstrations: 1,
      replays: 2,
      attempts: 1,
      lastCorrect: false,
    });
    // Practice stays out of the scored counters.
    expect(state.counts.replays).toBe(0);
    expect(state.counts.audioPlays - start.counts.audioPlays).toBe(2);

    // A new round meets the voorbeeld again; the records keep counting over rounds.
    const again = run(
      (e) => e.type === 'practice.finished',
      [
        [{ type: 'practice.restarted' }, 1000],
        [{ type: 'practice.shown', itemId: 'o1' }, 1000],
        [
          {
            type: 'practice.answered',
            itemId: 'o1',
            response: { kind: 'choose', optionId: 'a' },
            inputType: 'touch',
          },
          1000,
        ],
        [{ type: 'practice.voorbeeld-shown', itemId: 'o2' }, 1000],
        [{ type: 'practice.voorbeeld-demonstrated', itemId: 'o2' }, 4000],
      ],
    ).state;
    expect(again.phase).toEqual({
      kind: 'practice',
      index: 1,
      itemId: 'o2',
      shown: false,
      voorbeeld: 'demonstrated',
    });
    expect(again.practice[1]).toMatchObject({ demonstrations: 2, answeredThisRound: false });
  });

  it('with allowBack, goes back to the previous opgave, keeps its answer and returns to where it was', () => {
    const { state } = run(
      atOpgave('w2'),
      [
        [
          {
            type: 'answer.changed',
            itemId: 'w2',
            response: { kind: 'place', targetId: 'p' },
            inputType: 'touch',
          },
          1000,
        ],
        [{ type: 'navigation.back' }, 1000],
        [
          {
            type: 'answer.committed',
            itemId: 'w1',
            response: { kind: 'choose', optionId: 'c' },
            inputType: 'pen',
          },
          1000,
        ],
      ],
      true,
    );
    expect(state.phase).toEqual({ kind: 'opgave', itemIndex: 1, itemId: 'w2' });
    expect(state.items[0]).toMatchObject({
      committed: { kind: 'choose', optionId: 'c' },
      commits: 2,
      inputTypes: ['touch', 'pen'],
    });
    expect(state.items[1]!.current).toEqual({ kind: 'place', targetId: 'p' });
    expect(state.counts.committed).toBe(1);
  });

  it('counts replays, demonstrations and item sounds on the item', () => {
    const { state } = run(atOpgave('w1'), [
      [{ type: 'voorbeeld.replayed', itemId: 'w1' }, 1000],
      [{ type: 'voorbeeld.demonstrated', itemId: 'w1' }, 1000],
      [{ type: 'audio.played', source: { kind: 'prompt', scene: 'opgave', itemId: 'w1' } }, 1000],
      [{ type: 'audio.played', source: { kind: 'prompt', scene: 'voorbeeld', itemId: 'w1' } }, 1000],
      [{ type: 'audio.played', source: { kind: 'instruction', key: 'opgave' } }, 1000],
    ]);
    expect(state.items[0]).toMatchObject({ replays: 1, demonstrations: 2, audioPlays: 2 });
    expect(state.counts).toMatchObject({ replays: 1, audioPlays: 3 });
  });

  it("counts a tapped picture's sound on the voorbeeld, the opgave and a practice item", () => {
    const tapped = (itemId: string, visualId: string) =>
      [{ type: 'audio.played', source: { kind: 'visual', itemId, visualId } }, 500] as [
        SessionEventInput,
        number,
      ];
    const onVoorbeeld = run(
      (e) => e.type === 'voorbeeld.shown' && e.itemId === 'w2',
      [tapped('w2', 'ctx'), tapped('w2', 'q')],
    );
    expect(onVoorbeeld.state.items[1]!.audioPlays - onVoorbeeld.start.items[1]!.audioPlays).toBe(2);
    // On the opgave: its own context picture and sound target, and the voorbeeld's from the look panel.
    const onOpgave = run(atOpgave('w2'), [tapped('w2', 'ctx'), tapped('w2', 'p'), tapped('w2', 'q')]);
    expect(onOpgave.state.items[1]!.audioPlays - onOpgave.start.items[1]!.audioPlays).toBe(3);
    expect(onOpgave.state.counts.audioPlays - onOpgave.start.counts.audioPlays).toBe(3);
    const inPractice = run((e) => e.type === 'practice.shown' && e.itemId === 'o2', [tapped('o2', 'p')]);
    expect(inPractice.state.counts.audioPlays - inPractice.start.counts.audioPlays).toBe(1);
  });

  it('aborting while paused ends the pause and the clock', () => {
    const { state } = run(atOpgave('z1'), [
      [{ type: 'session.paused', reason: 'candidate-distress' }, 1000],
      [{ type: 'session.aborted', reason: 'candidate-unable', note: 'wil stoppen' }, 30_000],
      [{ type: 'session.closed', afnemerId: 'afnemer-7' }, 600_000],
    ]);
    expect(state.status).toBe('closed');
    expect(state.ending).toMatchObject({ kind: 'aborted', reason: 'candidate-unable' });
    expect(state.clock.pausedMs).toBe(30_000);
    expect(state.incidents.map((i) => i.kind)).toEqual(['pause', 'abort']);
    expect(state.incidents[0]).toMatchObject({ to: state.ending!.at });
  });

  it('ends early with a result only after practice and the whole first family, and keeps the end screen', () => {
    const reducer = createSessionReducer(context());
    const { events } = happyPath();
    const refusedAt = (pick: (e: SessionEvent) => boolean) => {
      const folded = reducer.fold(events.slice(0, events.findIndex(pick) + 1));
      if (!folded.ok) throw new Error(folded.reason);
      const event = clockAfter(folded.state, reducer.context).next(
        { type: 'session.ended-early', reason: 'not-understood' },
        1000,
      );
      return reducer.apply(folded.state, event);
    };
    // In practice, and with the first family (w1, w2) half done: refused, with the reason in Dutch.
    const inPractice = refusedAt((e) => e.type === 'practice.shown');
    expect(inPractice).toMatchObject({ ok: false, code: 'too-early-to-end' });
    const halfWay = refusedAt(atOpgave('w2'));
    expect(halfWay).toMatchObject({ ok: false, code: 'too-early-to-end' });
    if (!halfWay.ok) expect(halfWay.reason).toContain('nog 1 open');

    // On z1, after w1 and w2 were answered (and while paused): accepted, completed with z1 and z2 open.
    const { state } = run(atOpgave('z1'), [
      [{ type: 'session.paused', reason: 'candidate-distress' }, 1000],
      [{ type: 'session.ended-early', reason: 'not-understood' }, 20_000],
      // The end screen speaks its instruction after the stop, as after a full sitting.
      [{ type: 'audio.played', source: { kind: 'instruction', key: 'end' } }, 500],
    ]);
    expect(state.status).toBe('completed');
    expect(state.phase).toEqual({ kind: 'end' });
    expect(state.ending).toMatchObject({ kind: 'ended-early', reason: 'not-understood' });
    expect(state.items.filter((r) => r.committed === null).map((r) => r.itemId)).toEqual(['z1', 'z2']);
    expect(state.clock.pausedMs).toBe(20_000);
    expect(state.incidents[0]).toMatchObject({ kind: 'pause', to: state.ending!.at });
    // Nothing of the candidate's counts after it; the afnemer closes it like a completed sitting.
    const next = (input: SessionEventInput) => clockAfter(state, reducer.context).next(input, 100);
    const late = { type: 'answer.committed', itemId: 'z1', response: keys.z1!, inputType: 'touch' } as const;
    expect(reducer.apply(state, next(late)).ok).toBe(false);
    const closed = reducer.apply(state, next({ type: 'session.closed', afnemerId: 'afnemer-7' }));
    expect(closed.ok && closed.state.status).toBe('closed');
  });
});
