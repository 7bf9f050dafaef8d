import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../../src/host/handlers';
import { createRouter, Rejected, type Handlers } from '../../../../src/host/router';

const context = { version: '1.2.3', shell: 'chromium' as const, packageId: () => 'lbt-ref-1' };

describe('router', () => {
  it('answers a valid call with the validated response', async () => {
    const router = createRouter(createHandlers(context));
    await expect(router.call('app.info', {})).resolves.toEqual({
      ok: true,
      value: {
        version: '1.2.3',
        shell: 'chromium',
        lockdown: 'reduced',
        packageId: 'lbt-ref-1',
        demo: false,
        demoOffered: false,
      },
    });
  });

  it('refuses a payload that fails its schema with a typed error naming the field', async () => {
    const router = createRouter(createHandlers(context));
    const result = await router.call('app.info', { unexpected: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.issues?.[0]?.message).toMatch(/unexpected|unrecognized/i);
    await expect(router.call('app.info', 'not an object')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request', issues: [{ path: '$' }] },
    });
  });

  it('refuses an unknown channel, including prototype keys', async () => {
    const router = createRouter(createHandlers(context));
    for (const channel of ['app.nope', 'constructor', '__proto__', 'toString']) {
      await expect(router.call(channel, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
  });

  it('turns a thrown Rejected into a user-facing refusal and any other failure into an opaque internal error', async () => {
    const onInternalError = vi.fn();
    const rejecting = createRouter(
      {
        'app.info': () => {
          throw new Rejected('Nog niet toegestaan.');
        },
      } as unknown as Handlers,
      { onInternalError },
    );
    await expect(rejecting.call('app.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'rejected', message: 'Nog niet toegestaan.' },
    });
    const crashing = createRouter(
      {
        'app.info': () => {
          throw new Error('disk on fire');
        },
      } as unknown as Handlers,
      {
        onInternalError,
      },
    );
    const result = await crashing.call('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
    expect(onInternalError).toHaveBeenCalledTimes(1);
  });

  it('never lets a service return something outside the response schema', async () => {
    const router = createRouter({ 'app.info': () => ({ version: 7 }) } as unknown as Handlers);
    await expect(router.call('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_response' },
    });
  });
});
