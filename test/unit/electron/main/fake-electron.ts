import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  // Lockdown (issue 7): zoom limits, zoom factor, devtools.
  setVisualZoomLevelLimits = vi.fn(async (_min: number, _max: number) => undefined);
  setZoomFactor = vi.fn();
  closeDevTools = vi.fn();
}

/** A 1920x1080 touch display at 100%, as Electron's screen API describes it. */
export function fakeDisplay(overrides: Record<string, unknown> = {}) {
  return {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    scaleFactor: 1,
    touchSupport: 'available',
    internal: true,
    ...overrides,
  };
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadURL = vi.fn(async () => undefined);
  show = vi.fn();
  focus = vi.fn();
  setAlwaysOnTop = vi.fn();
  setContentProtection = vi.fn();
  isDestroyed = vi.fn(() => false);
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

export function createFakeElectron() {
  const userData = mkdtempSync(join(tmpdir(), 'lbt-electron-userdata-'));
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
      isPackaged: false,
      // userData etc.: a fresh temp folder, so tests never write keys or journals into the checkout.
      getPath: vi.fn(() => userData),
    }),
    screen: Object.assign(new EventEmitter(), {
      getAllDisplays: vi.fn(() => [fakeDisplay()]),
      getPrimaryDisplay: vi.fn(() => fakeDisplay()),
    }),
    powerSaveBlocker: { start: vi.fn(() => 7), stop: vi.fn(), isStarted: vi.fn(() => true) },
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, request: unknown) => unknown) => {
        handlers.set(channel, handler);
      }),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    Menu: { setApplicationMenu: vi.fn() },
    session: { defaultSession: session },
    BrowserWindow: FakeBrowserWindow,
    contextBridge: { exposeInMainWorld: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => false),
      encryptString: vi.fn(),
      decryptString: vi.fn(),
    },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })) },
  };
}
