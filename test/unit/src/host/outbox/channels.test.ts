/** The outbox.* channels through the real router: requests and answers checked against the contract. */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../../src/host/handlers';
import { Outbox } from '../../../../../src/host/outbox';
import { createRouter } from '../../../../../src/host/router';
import { OutboxExportResponse, OutboxView } from '../../../../../src/shared/results-service';
import { FakeClock, newKiosk, storeResult } from '../../../../support/outbox-fixture';

async function routerWith(outbox?: Outbox) {
  return createRouter(
    createHandlers({
      version: '0.0.0',
      shell: 'chromium',
      packageId: () => null,
      ...(outbox ? { outbox } : {}),
    }),
  );
}

describe('outbox channels', () => {
  it('lists, retries and exports through the contract', async () => {
    const kiosk = await newKiosk();
    const outbox = new Outbox({
      dataDir: kiosk.dataDir,
      deviceId: kiosk.identity.deviceId,
      clock: new FakeClock(),
    });
    const router = await routerWith(outbox);
    const empty = await router.call('outbox.export', {});
    expect(empty).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('niets geëxporteerd') },
    });
    const envelope = await storeResult(kiosk);
    const listed = await router.call('outbox.list', {});
    expect(listed.ok).toBe(true);
    const view = OutboxView.parse(listed.ok ? listed.value : null);
    expect(view.entries.map((e) => e.resultId)).toEqual([envelope.payload.resultId]);
    const retried = await router.call('outbox.retry', {});
    expect(retried.ok).toBe(true);
    const exported = await router.call('outbox.export', {});
    expect(exported.ok).toBe(true);
    expect(OutboxExportResponse.parse(exported.ok ? exported.value : null).count).toBe(1);
    expect(await router.call('outbox.list', { extra: 1 })).toMatchObject({ ok: false });
    await outbox.close();
  });

  it('refuses in Dutch on a host without a data dir', async () => {
    const router = await routerWith();
    expect(await router.call('outbox.list', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('geen verzendlijst') },
    });
  });
});
