import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl, KIOSK_URL } from '../../../../electron/main/app-origin';
import { resolveInside } from '../../../../electron/main/app-protocol';
import { hardenSession, hardenWebContents } from '../../../../electron/main/harden';
import { kioskWindowOptions } from '../../../../electron/main/window-options';
import { FakeWebContents } from './fake-electron';

describe('kiosk window options', () => {
  const options = kioskWindowOptions('/app/out/electron/preload.cjs');

  it('is a full-screen kiosk window, always on top', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, alwaysOnTop: true });
  });

  it('isolates the page: sandbox, context isolation, no Node, no webview, no devtools', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      navigateOnDragDrop: false,
    });
  });
});

describe('web contents hardening', () => {
  it('denies navigation away from the app origin and every new window', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://example.org/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, KIOSK_URL);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('refuses every permission and download', () => {
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    });
    hardenSession(session as never);
    const answer = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]![0](null, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0]![0]()).toBe(false);
    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
  });
});

describe('app:// origin and file serving', () => {
  it('recognises only the kiosk origin', () => {
    expect(isAppUrl(KIOSK_URL)).toBe(true);
    expect(isAppUrl('app://other/kiosk/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('never serves a file outside the renderer folder', () => {
    expect(resolveInside('/app/out/renderer', '/kiosk/index.html')).toBe(
      '/app/out/renderer/kiosk/index.html',
    );
    expect(resolveInside('/app/out/renderer', '/../../etc/passwd')).toBeNull();
    expect(resolveInside('/app/out/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveInside('/app/out/renderer', '/../renderer-evil/x')).toBeNull();
  });
});
