import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A thin stand-in for the parts of Electron the shell touches. Electron's binary cannot run here, so
 * only this seam is faked; everything behind it (router, contract, services) is the real code.
 */
export class FakeWebContents extends EventEmitter {
  mainFrame = { url: 'app://kiosk/kiosk/index.html' };
  windowOpenHandler: (() => { action: string }) | null = null;
  setWindowOpenHandler(handler: () => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadURL = vi.fn(async () => undefined);
  show = vi.fn();
  focus = vi.fn();
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

export function createFakeElectron() {
  const handlers = new Map<string, (event: unknown, request: unknown) => unknown>();
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  });
  return {
    handlers,
    app: Object.assign(new EventEmitter(), {
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      getAppPath: vi.fn(() => process.cwd()),
      whenReady: vi.fn(() => Promise.resolve()),
    }),
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, request: unknown) => unknown) => {
        handlers.set(channel, handler);
      }),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: session },
    BrowserWindow: FakeBrowserWindow,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })) },
  };
}
