import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { serveRenderer } from '../../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../src/shared/security/csp';

describe('app:// responses carry the CSP', () => {
  it('serves a page with the Content-Security-Policy header, and 404 outside the renderer folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lbt-renderer-'));
    mkdirSync(join(dir, 'kiosk'));
    writeFileSync(join(dir, 'kiosk', 'index.html'), '<!doctype html><title>x</title>');
    const protocol = { handle: vi.fn() };
    serveRenderer(protocol as never, dir);
    const handler = protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    const page = await handler(new Request('app://kiosk/kiosk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler(new Request('app://kiosk/../../etc/passwd'))).status).toBe(404);
    expect((await handler(new Request('app://other/kiosk/index.html'))).status).toBe(404);
  });
});
