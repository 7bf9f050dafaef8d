import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow, FakeWebContents } from './fake-electron';

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof createFakeElectron> | null }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  fake.current = createFakeElectron();
  return fake.current;
});

import { registerContractHandlers } from '../../../../electron/main/ipc';
import { isTrustedSender } from '../../../../electron/main/sender';
import { channelNames } from '../../../../src/shared/contract';
import { createHandlers } from '../../../../src/host/handlers';
import { createRouter } from '../../../../src/host/router';

const router = createRouter(createHandlers({ version: '1.0.0', shell: 'electron', packageId: () => null }));

function eventFrom(contents: FakeWebContents, frame: { url: string } | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame } as never;
}

describe('sender check', () => {
  const kiosk = new FakeWebContents();
  it('trusts only the kiosk main frame on the app origin', () => {
    expect(isTrustedSender(eventFrom(kiosk), kiosk as never)).toBe(true);
    expect(isTrustedSender(eventFrom(kiosk, { url: 'app://kiosk/kiosk/index.html' }), kiosk as never)).toBe(
      false,
    );
    expect(isTrustedSender(eventFrom(kiosk, null), kiosk as never)).toBe(false);
    expect(isTrustedSender(eventFrom(new FakeWebContents()), kiosk as never)).toBe(false);
    expect(isTrustedSender(eventFrom(kiosk), null)).toBe(false);
    const navigatedAway = new FakeWebContents();
    navigatedAway.mainFrame.url = 'https://example.org/';
    expect(isTrustedSender(eventFrom(navigatedAway), navigatedAway as never)).toBe(false);
  });
});

describe('contract over IPC', () => {
  it('registers exactly one handler per contract channel', () => {
    const electron = createFakeElectron();
    const kiosk = new FakeWebContents();
    registerContractHandlers(electron.ipcMain as never, router, () => kiosk as never);
    expect([...electron.handlers.keys()].sort()).toEqual(channelNames.map((name) => `lbt:${name}`).sort());
  });

  it('routes a trusted call, refuses a foreign sender and returns a typed error for a bad payload', async () => {
    const electron = createFakeElectron();
    const kiosk = new FakeWebContents();
    registerContractHandlers(electron.ipcMain as never, router, () => kiosk as never);
    const handle = electron.handlers.get('lbt:app.info')!;
    await expect(handle(eventFrom(kiosk), {})).resolves.toMatchObject({
      ok: true,
      value: { shell: 'electron' },
    });
    await expect(handle(eventFrom(new FakeWebContents()), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    await expect(handle(eventFrom(kiosk), { extra: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});

describe('main process and preload wiring', () => {
  it('locks to one instance, registers app://, hardens and opens one kiosk window on the app origin', async () => {
    FakeBrowserWindow.created.length = 0;
    await import('../../../../electron/main/main');
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    const electron = fake.current!;
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    const win = FakeBrowserWindow.created[0]!;
    expect(win.options).toMatchObject({
      kiosk: true,
      webPreferences: { sandbox: true, contextIsolation: true },
    });
    await vi.waitFor(() => expect(win.loadURL).toHaveBeenCalledWith('app://kiosk/kiosk/index.html'));
    expect([...electron.handlers.keys()]).toContain('lbt:app.info');
  });

  it('preload exposes exactly the contract as window.lbt and invokes over the prefixed channel', async () => {
    await import('../../../../electron/preload/preload');
    const electron = fake.current!;
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
      string,
      { app: { info: () => Promise<unknown> } },
    ];
    expect(name).toBe('lbt');
    // One namespace per contract prefix (`app`, `device`, …), and nothing else.
    expect(Object.keys(api).sort()).toEqual(
      [...new Set(channelNames.map((name) => name.split('.')[0]))].sort(),
    );
    await api.app.info();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('lbt:app.info', {});
  });
});
