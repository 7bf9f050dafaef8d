import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChromiumHost } from '../../../chromium-host/http-server';
import { createHandlers } from '../../../src/host/handlers';
import { createRouter } from '../../../src/host/router';

describe('stopping the Chromium host', () => {
  it('cuts a response the browser stopped reading, instead of waiting for it', async () => {
    // A media element that paused its download holds such a response open; the host's stop waited for it
    // (73 s once in the e2e suite). Here a raw client asks for a large file and never reads.
    const rendererDir = mkdtempSync(join(tmpdir(), 'lbt-renderer-'));
    mkdirSync(join(rendererDir, 'kiosk'));
    writeFileSync(join(rendererDir, 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(rendererDir, 'kiosk', 'large.bin'), Buffer.alloc(64 * 1024 * 1024, 7));
    const router = createRouter(
      createHandlers({ version: '9.9.9', shell: 'chromium', packageId: () => null }),
    );
    const host = await startChromiumHost({ router, rendererDir, token: 'stop-token-0123456789' });

    const socket = connect(host.port, '127.0.0.1');
    const firstBytes = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(`GET /kiosk/large.bin HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
    await firstBytes;
    socket.pause(); // the response is now in flight and nobody reads it

    // Without the cut, close() never settles and this test fails on vitest's timeout.
    await host.close();
    socket.resume(); // read what was buffered, up to the cut
    await closed;
    expect(socket.destroyed).toBe(true);
  }, 30_000);
});
