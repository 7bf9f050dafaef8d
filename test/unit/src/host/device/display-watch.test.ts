/** The display watch (issue 16, point 10) through the real router, device service and session service. */
import { describe, expect, it } from 'vitest';
import { createDeviceService } from '../../../../../src/host/device/service';
import { createHandlers } from '../../../../../src/host/handlers';
import { buildResultRecord } from '../../../../../src/host/result/build';
import { createRouter } from '../../../../../src/host/router';
import { MemoryEventSink } from '../../../../../src/host/session/event-sink';
import { createSessionService } from '../../../../../src/host/session/session-service';
import {
  DEFAULT_DEVICE_POLICY,
  type InteractiveChecks,
  type PageFacts,
} from '../../../../../src/shared/device';
import type { SessionEventInput, SessionView } from '../../../../../src/shared/session';
import { host, page } from '../../../../support/device-sample-facts';
import { context, practice, practiceInputs } from '../../../../support/session-fixture';
import { openRequest } from '../../../../support/session-service-harness';

const passed = { status: 'passed', at: '2026-11-22T10:01:00.000Z', detail: null } as const;
const allPassed: InteractiveChecks = { touch: passed, audio: passed, fit: passed };
const window = (width: number, height: number, devicePixelRatio = 1): PageFacts =>
  page({ viewport: { width, height }, devicePixelRatio });

async function sitting(options: { demo?: boolean } = {}) {
  let time = Date.parse('2026-11-22T10:00:00.000Z');
  const now = () => new Date((time += 1000));
  const device = createDeviceService({
    shell: 'chromium',
    appVersion: '1.2.3',
    policy: () => DEFAULT_DEVICE_POLICY,
    hostFacts: async () => host(),
    now,
  });
  const session = createSessionService({
    content: () => context(),
    now,
    openSink: () => new MemoryEventSink(),
    ...(options.demo ? { demo: () => true } : {}),
  });
  const router = createRouter(
    createHandlers({ version: '1.2.3', shell: 'chromium', packageId: () => 'mini-pkg', device, session }),
  );
  const ok = async (channel: string, request: unknown) => {
    const result = await router.call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as SessionView;
  };
  const dispatch = (input: SessionEventInput) => ok('session.dispatch', input);
  await router.call('device.check', { page: page() });
  await router.call('device.confirm', { checks: allPassed, confirmations: [] });
  await ok('session.open', openRequest);
  for (const input of practice.flatMap(practiceInputs)) await dispatch(input);
  const watch = (facts: PageFacts) => ok('device.watch', { page: facts });
  const events = () => session.events().map((e) => e.type);
  const result = async () => {
    await dispatch({ type: 'session.aborted', reason: 'other' });
    const closed = await dispatch({ type: 'session.closed', afnemerId: 'afnemer-7' });
    return buildResultRecord({
      state: closed.state,
      context: context(),
      deviceId: 'lbt-dev-0123456789abcdef',
      device: device.current(),
      journal: { headHash: 'c'.repeat(64), records: session.events().length },
      now: now(),
    });
  };
  return { router, session, dispatch, watch, events, result };
}

describe('device.watch during a sitting', () => {
  it('records nothing while the display is as the device check measured it', async () => {
    const t = await sitting();
    const before = t.events().length;
    const view = await t.watch(page());
    expect(view.state.status).toBe('active');
    expect(t.events()).toHaveLength(before);
  });

  it('records a change that still meets the policy without pausing, and pauses on one that breaks it', async () => {
    const t = await sitting();
    // A larger window at 100%: still within the policy; recorded, the candidate goes on.
    const larger = await t.watch(window(2560, 1440));
    expect(larger.state.status).toBe('active');
    expect(larger.state.incidents.at(-1)).toMatchObject({
      kind: 'display-change',
      source: 'page',
      measurement: { widthPx: 2560, heightPx: 1440, scaleFactor: 1, displayCount: 1 },
      broken: [],
    });
    // The window shrunk to a 1366x768 laptop's: below the minimum resolution, so the afnemer is called.
    const shrunk = await t.watch(window(1366, 768));
    expect(shrunk.state.status).toBe('paused');
    expect(shrunk.state.pause?.reason).toBe('display-changed');
    expect(t.events().slice(-2)).toEqual(['display.changed', 'session.paused']);
    // The same size reported again (a resize drag settles in several events) is not a second change.
    const again = await t.watch(window(1366, 768));
    expect(again.state.incidents.filter((i) => i.kind === 'display-change')).toHaveLength(2);
    // 150% scaling breaks the scale rule too; while paused the change is recorded, the pause stays one.
    const scaled = await t.watch(window(1280, 720, 1.5));
    expect(scaled.state.incidents.at(-1)).toMatchObject({ broken: ['scaleFactors'] });
    expect(scaled.state.counts.pauses).toBe(1);

    const record = await t.result();
    expect(record.demo).toBe(false);
    expect(record.validity).toMatchObject({ displayChanges: 3, displayOutOfPolicy: 2 });
    expect(record.afnamecondities.displayChanges.map((c) => [c.measurement.widthPx, c.broken])).toEqual([
      [2560, []],
      [1366, ['minResolution']],
      [1920, ['scaleFactors']],
    ]);
    expect(record.timing.pauses).toEqual([expect.objectContaining({ reason: 'display-changed' })]);
    // The device conditions the sitting started on stay in the result beside the changes.
    expect(record.afnamecondities.device?.facts.displays[0]?.physicalPixels).toEqual({
      width: 1920,
      height: 1080,
    });
  });

  it('answers null and records nothing without a sitting', async () => {
    const router = createRouter(
      createHandlers({ version: '1.2.3', shell: 'chromium', packageId: () => null }),
    );
    await expect(router.call('device.watch', { page: window(800, 600) })).resolves.toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses a report that is not page facts, with the path of the bad field', async () => {
    const t = await sitting();
    const refused = await t.router.call('device.watch', { page: { ...page(), devicePixelRatio: -1 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(JSON.stringify(refused)).toContain('devicePixelRatio');
  });
});

describe('a demonstration host', () => {
  it('marks the sitting and its result demo, and records a display change without pausing', async () => {
    const t = await sitting({ demo: true });
    expect(t.session.state()?.session?.demo).toBe(true);
    const shrunk = await t.watch(window(1366, 768));
    expect(shrunk.state.status).toBe('active');
    expect(shrunk.state.incidents.at(-1)).toMatchObject({ broken: ['minResolution'] });
    const record = await t.result();
    expect(record.demo).toBe(true);
  });

  it('cannot be switched on by the page: session.open refuses a demo field', async () => {
    const t = await sitting();
    await t.dispatch({ type: 'session.aborted', reason: 'other' });
    await t.dispatch({ type: 'session.closed', afnemerId: 'afnemer-7' });
    const refused = await t.router.call('session.open', { ...openRequest, demo: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const real = await t.router.call('session.open', openRequest);
    expect(real.ok).toBe(true);
    expect(t.session.state()?.session?.demo).toBeUndefined();
  });
});
