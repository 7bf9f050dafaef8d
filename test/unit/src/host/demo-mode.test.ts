/**
 * "Demo starten" (issue 16, point 11): a development host offers the switch to demo on a refused device; the page
 * asks through `app.demo`, the host decides. Through the real router, handlers and session service.
 */
import { describe, expect, it } from 'vitest';
import { createDemoMode } from '../../../../src/host/demo-mode';
import { createHandlers } from '../../../../src/host/handlers';
import { createRouter } from '../../../../src/host/router';
import { MemoryEventSink } from '../../../../src/host/session/event-sink';
import { createSessionService } from '../../../../src/host/session/session-service';
import type { AppInfo } from '../../../../src/shared/contract';
import { context } from '../../../support/session-fixture';
import { openRequest } from '../../../support/session-service-harness';

function host(options: { offered?: boolean; on?: boolean } = {}) {
  const demo = createDemoMode(options);
  const session = createSessionService({
    content: () => context(),
    openSink: () => new MemoryEventSink(),
    demo: demo.on,
  });
  const router = createRouter(
    createHandlers({ version: '1.2.3', shell: 'chromium', packageId: () => 'mini-pkg', session, demo }),
  );
  const info = async () => {
    const result = await router.call('app.info', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value as AppInfo;
  };
  return { router, session, info };
}

describe('app.demo', () => {
  it('switches an offering host to demo: app.info says so and the next sitting is marked demo', async () => {
    const t = host({ offered: true });
    expect(await t.info()).toMatchObject({ demo: false, demoOffered: true });
    const switched = await t.router.call('app.demo', {});
    expect(switched).toMatchObject({ ok: true, value: { demo: true, demoOffered: false } });
    expect(await t.info()).toMatchObject({ demo: true, demoOffered: false });
    const opened = await t.router.call('session.open', openRequest);
    expect(opened.ok).toBe(true);
    expect(t.session.state()?.session?.demo).toBe(true);
  });

  it('is refused, with the reason in Dutch, on a host that does not offer it (every production build)', async () => {
    const t = host();
    expect(await t.info()).toMatchObject({ demo: false, demoOffered: false });
    const refused = await t.router.call('app.demo', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(JSON.stringify(refused)).toContain('geen demonstratie');
    await t.router.call('session.open', openRequest);
    expect(t.session.state()?.session?.demo).toBeUndefined();
  });

  it('is refused while a real sitting is open, so no sitting is half real and half demo', async () => {
    const t = host({ offered: true });
    await t.router.call('session.open', openRequest);
    const refused = await t.router.call('app.demo', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(JSON.stringify(refused)).toContain('sluit die eerst');
    expect(await t.info()).toMatchObject({ demo: false, demoOffered: true });
  });

  it('takes no request fields, so the page cannot pass anything along', async () => {
    const t = host({ offered: true });
    const refused = await t.router.call('app.demo', { demo: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('a host started with --demo stays demo and offers nothing more', async () => {
    const t = host({ on: true, offered: true });
    expect(await t.info()).toMatchObject({ demo: true, demoOffered: false });
    expect((await t.router.call('app.demo', {})).ok).toBe(true);
  });
});
