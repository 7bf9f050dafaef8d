import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALL_PATH, startChromiumHost } from '../../../chromium-host/http-server';
import { newLaunchToken } from '../../../chromium-host/token';
import { createHandlers } from '../../../src/host/handlers';
import { createRouter } from '../../../src/host/router';
import { interleaved, type Benchmark } from '../harness';

/** A contract call through the Chromium host (token check, schema checks, router) vs a bare request to the same server. */
export const ipcRoundtrip: Benchmark = {
  name: 'ipc.roundtrip',
  unit: 'ms',
  async run({ scale }) {
    const rendererDir = mkdtempSync(join(tmpdir(), 'lbt-bench-renderer-'));
    mkdirSync(join(rendererDir, 'kiosk'));
    writeFileSync(join(rendererDir, 'kiosk', 'index.html'), '<!doctype html>');
    const token = newLaunchToken();
    const router = createRouter(
      createHandlers({ version: '0.0.0', shell: 'chromium', packageId: () => null }),
    );
    const host = await startChromiumHost({ router, rendererDir, token });
    const base = `http://127.0.0.1:${host.port}`;
    try {
      return await interleaved(
        async () => {
          const response = await fetch(base + CALL_PATH + 'app.info', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: '{}',
          });
          await response.json();
        },
        {
          name: 'http.bare',
          run: async () => {
            const response = await fetch(base + '/lbt/v1/health');
            await response.json();
          },
        },
        { warmup: Math.ceil(200 * scale), samples: Math.ceil(2000 * scale) },
      );
    } finally {
      await host.close();
      rmSync(rendererDir, { recursive: true, force: true });
    }
  },
};
