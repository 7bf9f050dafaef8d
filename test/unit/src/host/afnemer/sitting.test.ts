/**
 * A sitting run from the console on a durable host (real journal, real result store): the gate in front of it,
 * the PIN-gated pause/resume/abort/close, the candidate side unable to send afnemer events, completeness and
 * the signed result's timing.
 */
import { describe, expect, it } from 'vitest';
import {
  ConsolePolicy,
  DEFAULT_CANDIDATE_REF_PATTERN,
  type CloseResponse,
  type SittingActionResponse,
  type SittingOverview,
} from '../../../../../src/shared/afnemer';
import type { SignedResult } from '../../../../../src/shared/result';
import type { SessionView } from '../../../../../src/shared/session';
import { host as hostFacts } from '../../../../support/device-sample-facts';
import { sittingInputs } from '../../../../support/session-durable-harness';
import { TEST_AFNEMERS, writeRosterFixture } from '../../../../support/roster-fixture';
import {
  startConsoleHost,
  startRequest,
  tempDataDir,
  TestClock,
  type ConsoleHost,
  type ConsoleHostOptions,
} from '../../../../support/afnemer-harness';

const { valid } = TEST_AFNEMERS;

async function setup(options: ConsoleHostOptions = {}) {
  const dataDir = tempDataDir();
  await writeRosterFixture(dataDir);
  const clock = new TestClock(Date.parse('2026-11-22T09:00:00.000Z'));
  const host = await startConsoleHost(dataDir, clock, options);
  return { dataDir, clock, host };
}

async function loggedInAndReady(host: ConsoleHost) {
  await host.ok('afnemer.login', { afnemerId: valid.afnemerId, pin: valid.pin });
  await host.readyDevice();
}

async function rejection(host: ConsoleHost, channel: string, request: unknown = {}) {
  const answer = await host.call(channel, request);
  if (answer.ok) throw new Error(`${channel} was not refused`);
  expect(answer.error.code).toBe('rejected');
  return answer.error.message;
}

function sittingOf(answer: SittingActionResponse): SittingOverview {
  if (answer.outcome !== 'ok') throw new Error(`refused: ${answer.refusal.message}`);
  return answer.sitting;
}

const inputs = sittingInputs();
const completeAt = inputs.length - 1;
/** Just after the first opgave's answer was committed. */
const afterFirst = inputs.findIndex((i) => i.type === 'answer.committed') + 1;

describe('opening a sitting from the console', () => {
  it('is refused without a login, without a device check, and on a blocked device', async () => {
    const dataDir = tempDataDir();
    await writeRosterFixture(dataDir);
    const host = await startConsoleHost(dataDir, new TestClock(), {
      facts: () => hostFacts({ connectedDisplays: 2 }),
    });
    expect(await rejection(host, 'afnemer.startSession', startRequest)).toContain('Log eerst in');
    await host.ok('afnemer.login', { afnemerId: valid.afnemerId, pin: valid.pin });
    expect(await rejection(host, 'afnemer.startSession', startRequest)).toContain(
      'Doe eerst de apparaatcontrole',
    );
    await host.ok('device.check', { page: null });
    const status = await host.ok<{ device: { state: string; blocked: { rule: string }[] } }>(
      'afnemer.status',
    );
    expect(status.device.state).toBe('blocked');
    expect(status.device.blocked.map((b) => b.rule)).toContain('singleDisplay');
    const message = await rejection(host, 'afnemer.startSession', startRequest);
    expect(message).toContain('voldoet niet');
    // The same gate stands in front of the plain session channel.
    const open = { ...startRequest, afnemerId: 'iemand', gemeente: 'Utrecht', checklist: undefined };
    delete open.checklist;
    expect(await rejection(host, 'session.open', open)).toContain('voldoet niet');
    expect(host.durable.service.state()).toBeNull();
  });

  it('opens for the logged-in afnemer with the checklist recorded as afnamecondities', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    const view = await host.ok<SessionView>('afnemer.startSession', startRequest);
    expect(view.state.session).toMatchObject({
      afnemerId: 'AFN-10001',
      gemeente: 'Utrecht',
      candidateRef: 'KND20417',
      conditions: {
        shell: 'chromium',
        lockdown: 'reduced',
        room: { quiet: true, groupSize: 3 },
        instruction: { interpreter: true, interpreterLanguage: 'ar', language: 'nl' },
        preparation: { kind: 'demo-vandaag' },
        intake: { moment: 'na-intake' },
      },
    });
  });

  it('refuses a language without audio unless an interpreter or a confirmed other arrangement instructs', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    const { interpreterLanguage: _l, interpreterMode: _m, ...alone } = startRequest.checklist;
    const noAudio = { ...startRequest, language: 'en', checklist: { ...alone, interpreterPresent: false } };
    expect(await rejection(host, 'afnemer.startSession', noAudio)).toContain('geen gesproken instructie');
    expect(host.durable.service.state()).toBeNull();
    const arranged = {
      ...noAudio,
      checklist: { ...noAudio.checklist, otherArrangement: 'De afnemer spreekt de taal zelf' },
    };
    const view = await host.ok<SessionView>('afnemer.startSession', arranged);
    expect(view.state.session?.conditions.instruction).toEqual({
      interpreter: false,
      translationTool: false,
      language: 'en',
      audioAvailable: false,
      otherArrangement: 'De afnemer spreekt de taal zelf',
    });
  });

  it('records an interpreter in any ISO 639 language, in the room or on the phone, and refuses a bad code', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    const bad = await host.call('afnemer.startSession', {
      ...startRequest,
      checklist: { ...startRequest.checklist, interpreterLanguage: 'Tigrinya' },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('$.checklist.interpreterLanguage');
    const noMode = await host.call('afnemer.startSession', {
      ...startRequest,
      checklist: { ...startRequest.checklist, interpreterMode: undefined },
    });
    expect(noMode.ok).toBe(false);
    const view = await host.ok<SessionView>('afnemer.startSession', {
      ...startRequest,
      language: 'en',
      checklist: { ...startRequest.checklist, interpreterLanguage: 'tir', interpreterMode: 'phone' },
    });
    expect(view.state.session?.conditions.instruction).toMatchObject({
      interpreter: true,
      interpreterLanguage: 'tir',
      interpreterMode: 'phone',
      audioAvailable: false,
    });
  });

  it('refuses a group room without the headphones tick and records it when ticked', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    const { headphones: _h, ...noTick } = startRequest.checklist;
    const refused = await rejection(host, 'afnemer.startSession', { ...startRequest, checklist: noTick });
    expect(refused).toContain('koptelefoon');
    const view = await host.ok<SessionView>('afnemer.startSession', startRequest);
    expect(view.state.session?.conditions.room).toEqual({ quiet: true, groupSize: 3, headphones: true });
  });

  it('refuses a candidate reference that is not in the configured format (a name never is)', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    for (const candidateRef of ['JANSEN', 'Jansen12', 'K-2026-0042', 'AB12']) {
      expect(await rejection(host, 'afnemer.startSession', { ...startRequest, candidateRef })).toContain(
        'kandidaatreferentie',
      );
    }
    const bad = await host.call('afnemer.startSession', {
      ...startRequest,
      checklist: { ...startRequest.checklist, interpreterLanguage: undefined },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('$.checklist.interpreterLanguage');
  });

  it('checks the reference against a configured format instead of the default', async () => {
    const { host } = await setup({
      policy: { candidateRefPattern: '^[0-9]{8}$', candidateRefHint: '8 cijfers' },
    });
    await loggedInAndReady(host);
    expect(await rejection(host, 'afnemer.startSession', startRequest)).toContain('(8 cijfers)');
    const view = await host.ok<SessionView>('afnemer.startSession', {
      ...startRequest,
      candidateRef: '20261122',
    });
    expect(view.state.session?.candidateRef).toBe('20261122');
  });

  it("follows the gemeente's form from the signed roster: a name is refused with the form and its example", async () => {
    const dataDir = tempDataDir();
    const fixture = await writeRosterFixture(dataDir);
    await fixture.rewrite((roster) => ({
      ...roster,
      referenceForm: { masks: ['999999999'], checkDigit: 'elfproef', example: '123456782' },
    }));
    const host = await startConsoleHost(dataDir, new TestClock(Date.parse('2026-11-22T09:00:00.000Z')));
    await loggedInAndReady(host);
    const status = await host.ok<{ policy: { referenceForm: unknown } }>('afnemer.status');
    expect(status.policy.referenceForm).toMatchObject({ example: '123456782' });
    const name = await rejection(host, 'afnemer.startSession', {
      ...startRequest,
      candidateRef: 'JAN DE VRIES 2',
    });
    expect(name).toContain('Dit lijkt een naam');
    expect(name).toContain('bijvoorbeeld 123456782');
    // The kiosk's own default pattern would take this one; the gemeente's form does not.
    expect(await rejection(host, 'afnemer.startSession', startRequest)).toContain('Verwacht: 999999999');
    const view = await host.ok<SessionView>('afnemer.startSession', {
      ...startRequest,
      candidateRef: '123 456 782',
    });
    expect(view.state.session?.candidateRef).toBe('123456782');
  });

  it('refuses a configured format that would let a name through', () => {
    expect(ConsolePolicy.safeParse({ candidateRefPattern: '^[A-Za-z]+$' }).success).toBe(false);
    expect(ConsolePolicy.safeParse({ candidateRefPattern: '([' }).success).toBe(false);
    expect(ConsolePolicy.parse({})).toMatchObject({
      showScore: false,
      candidateRefPattern: DEFAULT_CANDIDATE_REF_PATTERN,
    });
  });

  it('refuses free-text notes and overrides the afnemer id on session.open', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    const open = {
      afnemerId: 'iemand-anders',
      candidateRef: 'KND20417',
      gemeente: 'Elders',
      doelgroep: 'onbekend',
      language: 'nl',
    };
    expect(
      await rejection(host, 'session.open', { ...open, conditions: { notes: 'Mevrouw Jansen was nerveus' } }),
    ).toContain('Vrije tekst');
    const view = await host.ok<SessionView>('session.open', open);
    expect(view.state.session).toMatchObject({ afnemerId: 'AFN-10001', gemeente: 'Utrecht' });
  });
});

describe('during the sitting', () => {
  it('refuses afnemer events sent through session.dispatch; candidate events go on', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    await host.ok('afnemer.startSession', startRequest);
    for (const event of [
      { type: 'session.paused', reason: 'candidate-break' },
      { type: 'session.resumed' },
      { type: 'session.aborted', reason: 'candidate-refused' },
      { type: 'session.closed', afnemerId: 'AFN-10001' },
    ]) {
      expect(await rejection(host, 'session.dispatch', event)).toContain('alleen de toetsafnemer');
    }
    expect(host.durable.service.state()?.status).toBe('active');
    await host.ok('session.dispatch', inputs[0]);
    expect(host.durable.service.state()?.lastSeq).toBe(2);
  });

  it('pauses and resumes with the PIN; a wrong PIN changes nothing and counts; the pause is not active time', async () => {
    const { host, clock } = await setup();
    await loggedInAndReady(host);
    await host.ok('afnemer.startSession', startRequest);
    for (const input of inputs.slice(0, 12)) await host.ok('session.dispatch', input);

    const wrong = await host.ok<SittingActionResponse>('afnemer.pause', {
      pin: '00000',
      reason: 'disturbance',
    });
    expect(wrong).toMatchObject({ outcome: 'refused', refusal: { code: 'wrong-pin', attemptsLeft: 4 } });
    expect(host.durable.service.state()?.status).toBe('active');
    const focus = await host.call('afnemer.pause', { pin: valid.pin, reason: 'focus-lost' });
    expect(focus.ok).toBe(false);

    const paused = sittingOf(await host.ok('afnemer.pause', { pin: valid.pin, reason: 'disturbance' }));
    expect(paused).toMatchObject({ status: 'paused', pause: { reason: 'disturbance' } });
    expect(await rejection(host, 'session.dispatch', inputs[12])).toBeTruthy();
    clock.time += 10 * 60_000;
    const resumed = sittingOf(await host.ok('afnemer.resume', { pin: valid.pin }));
    expect(resumed.status).toBe('active');
    expect(resumed.clock.pausedMs).toBeGreaterThanOrEqual(10 * 60_000);

    for (const input of inputs.slice(12)) await host.ok('session.dispatch', input);
    const closed = await host.ok<CloseResponse>('afnemer.close', { pin: valid.pin });
    if (closed.outcome !== 'ok') throw new Error(closed.refusal.message);
    const stored = await host.ok<SignedResult>('result.get', { sessionId: closed.closed.sessionId });
    const timing = stored.payload.timing;
    const events = host.durable.service.events();
    const pausedAt = events.find((e) => e.type === 'session.paused')!.at;
    const resumedAt = events.find((e) => e.type === 'session.resumed')!.at;
    expect(timing.pausedMs).toBe(Date.parse(resumedAt) - Date.parse(pausedAt));
    expect(timing.activeMs).toBe(Date.parse(timing.endedAt) - Date.parse(timing.openedAt) - timing.pausedMs);
    expect(timing.pauses).toEqual([{ reason: 'disturbance', from: pausedAt, to: resumedAt }]);
  });

  it('shows completeness, closes only an ended sitting, and hides the score by default', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    await host.ok('afnemer.startSession', startRequest);
    for (const input of inputs.slice(0, afterFirst)) await host.ok('session.dispatch', input);
    const partial = await host.ok<SittingOverview>('afnemer.completeness');
    expect(partial).toMatchObject({ answered: 1, unanswered: 3, canClose: false, held: false });
    expect(partial.answeredItemIds).toEqual(['w1']);
    expect(await rejection(host, 'afnemer.close', { pin: valid.pin })).toBeTruthy();

    for (const input of inputs.slice(afterFirst, completeAt)) await host.ok('session.dispatch', input);
    await host.ok('session.dispatch', inputs[completeAt]);
    const unlocked = sittingOf(await host.ok('afnemer.unlock', { pin: valid.pin }));
    expect(unlocked).toMatchObject({ status: 'completed', answered: 4, unanswered: 0, canClose: true });
    expect(unlocked.validity).toMatchObject({ mouseUsed: false, focusLost: false, interrupted: false });

    const closed = await host.ok<CloseResponse>('afnemer.close', { pin: valid.pin });
    if (closed.outcome !== 'ok') throw new Error(closed.refusal.message);
    expect(closed.closed).toMatchObject({
      status: 'completed',
      closedBy: 'AFN-10001',
      score: null,
      delivery: null,
    });
    const stored = await host.ok<SignedResult>('result.get', { sessionId: closed.closed.sessionId });
    expect(stored.payload.resultId).toBe(closed.closed.resultId);
    expect(stored.payload.closedBy).toBe('AFN-10001');
    expect(JSON.stringify(closed)).not.toContain('"raw"');
  });

  it('shows the score on closing when the policy allows it', async () => {
    const { host } = await setup({ policy: { showScore: true } });
    await loggedInAndReady(host);
    await host.ok('afnemer.startSession', startRequest);
    for (const input of inputs) await host.ok('session.dispatch', input);
    const closed = await host.ok<CloseResponse>('afnemer.close', { pin: valid.pin });
    if (closed.outcome !== 'ok') throw new Error(closed.refusal.message);
    expect(closed.closed.score).toMatchObject({
      raw: 4,
      max: 4,
      outcome: 'B1-route haalbaar',
      voorlopig: null,
    });
  });

  it('gives no advice on closing a sitting of a pilot definition: the screen and the signed result say "proefafname: geen advies"', async () => {
    const { host } = await setup({ policy: { showScore: true }, definition: { status: 'pilot' } });
    await loggedInAndReady(host);
    await host.ok('afnemer.startSession', startRequest);
    for (const input of inputs) await host.ok('session.dispatch', input);
    const closed = await host.ok<CloseResponse>('afnemer.close', { pin: valid.pin });
    if (closed.outcome !== 'ok') throw new Error(closed.refusal.message);
    expect(closed.closed.score).toMatchObject({ raw: 4, max: 4, outcome: 'proefafname: geen advies' });
    const stored = await host.ok<SignedResult>('result.get', { sessionId: closed.closed.sessionId });
    expect(stored.payload.scoring).toMatchObject({
      raw: 4,
      outcome: 'proefafname: geen advies',
      definitionStatus: 'pilot',
      cesuurVersion: { number: 1 },
    });
    expect(JSON.stringify(closed)).not.toMatch(/haalbaar/);
    expect(JSON.stringify(stored)).not.toMatch(/haalbaar/);
  });

  it('marks the advice voorlopig, with the reason, under a provisional definition', async () => {
    const reason = 'de cesuur komt nog niet uit een standaardbepaling';
    const { host } = await setup({
      policy: { showScore: true },
      definition: {
        status: 'provisional',
        cesuurVersions: [
          {
            number: 1,
            label: 'kalibratie 2027-03',
            cesuur: 2,
            twijfelzone: { below: 1, above: 1 },
            status: 'provisional',
            releasedAt: '2027-03-01',
            method: 'Rasch-kalibratie',
            source: 'kalibratierapport 2027-03',
            reason,
            definitionVersion: '1.0.0',
          },
        ],
      },
    });
    await loggedInAndReady(host);
    await host.ok('afnemer.startSession', startRequest);
    for (const input of inputs) await host.ok('session.dispatch', input);
    const closed = await host.ok<CloseResponse>('afnemer.close', { pin: valid.pin });
    if (closed.outcome !== 'ok') throw new Error(closed.refusal.message);
    expect(closed.closed.score).toMatchObject({ outcome: 'B1-route haalbaar', voorlopig: reason });
  });

  it('aborts with a reason from the list; the closed result is afgebroken (aborted) and signed', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    await host.ok('afnemer.startSession', startRequest);
    for (const input of inputs.slice(0, 12)) await host.ok('session.dispatch', input);
    const note = await host.call('afnemer.abort', {
      pin: valid.pin,
      reason: 'candidate-unwell',
      note: 'ziek',
    });
    expect(note.ok).toBe(false);
    const aborted = sittingOf(await host.ok('afnemer.abort', { pin: valid.pin, reason: 'candidate-unwell' }));
    expect(aborted).toMatchObject({ status: 'aborted', canClose: true });
    const closed = await host.ok<CloseResponse>('afnemer.close', { pin: valid.pin });
    if (closed.outcome !== 'ok') throw new Error(closed.refusal.message);
    const stored = await host.ok<SignedResult>('result.get', { sessionId: closed.closed.sessionId });
    expect(stored.payload).toMatchObject({
      status: 'aborted',
      timing: { abort: { reason: 'candidate-unwell' } },
    });
    expect(stored.payload.timing.abort).not.toHaveProperty('note');
  });

  it('pauses a running sitting on a lockdown incident until the afnemer resumes it', async () => {
    const { host } = await setup();
    await loggedInAndReady(host);
    await host.ok('afnemer.startSession', startRequest);
    await host.afnemer.lockdownIncident('window-blur');
    expect(host.durable.service.state()).toMatchObject({ status: 'paused', pause: { reason: 'focus-lost' } });
    // A second incident while paused changes nothing.
    await host.afnemer.lockdownIncident('display-added');
    expect(host.durable.service.state()?.counts.pauses).toBe(1);
    sittingOf(await host.ok('afnemer.resume', { pin: valid.pin }));
    await host.afnemer.lockdownIncident('display-removed');
    const overview = await host.ok<SittingOverview>('afnemer.completeness');
    expect(overview.pause?.reason).toBe('technical');
    expect(overview.validity).toMatchObject({ focusLost: true, focusLostCount: 1 });
  });

  it('refuses PIN actions without a login', async () => {
    const { host } = await setup();
    const answer = await host.ok<SittingActionResponse>('afnemer.pause', { pin: valid.pin, reason: 'other' });
    expect(answer).toMatchObject({ outcome: 'refused', refusal: { code: 'not-logged-in' } });
  });
});
