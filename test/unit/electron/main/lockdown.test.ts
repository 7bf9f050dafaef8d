import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readBuildFlags } from '../../../../electron/main/build-flags';
import { lockDownWindow } from '../../../../electron/main/lockdown';
import { displaysFromScreen } from '../../../../electron/main/screen-facts';
import { createSessionGuard } from '../../../../electron/main/session-guard';
import { kioskWindowOptions } from '../../../../electron/main/window-options';
import { createLockdownSeam } from '../../../../src/host/device/lockdown-seam';
import { fakeDisplay, FakeBrowserWindow } from './fake-electron';

describe('every kiosk window setting, spelled out', () => {
  it('has exactly the documented window options and webPreferences', () => {
    expect(kioskWindowOptions('/p.cjs')).toEqual({
      kiosk: true,
      fullscreen: true,
      frame: false,
      alwaysOnTop: true,
      autoHideMenuBar: true,
      show: false,
      backgroundColor: '#f4f1ea',
      webPreferences: {
        preload: '/p.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: false,
        safeDialogs: true,
        disableDialogs: true,
        autoplayPolicy: 'user-gesture-required',
        disableBlinkFeatures: 'Auxclick',
      },
    });
  });
});

describe('window lockdown', () => {
  it('sets screen-saver always-on-top, content protection, zoom limits 1..1, and the input filter', () => {
    const win = new FakeBrowserWindow({});
    lockDownWindow(win as never, { production: false });
    expect(win.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    expect(win.setContentProtection).toHaveBeenCalledWith(true);
    expect(win.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    expect(win.webContents.listenerCount('before-input-event')).toBe(1);
    // Limits are applied again after each load, and a zoom change is undone.
    win.webContents.setVisualZoomLevelLimits.mockClear();
    win.webContents.emit('did-finish-load');
    expect(win.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    win.webContents.setZoomFactor.mockClear();
    win.webContents.emit('zoom-changed', {}, 'in');
    expect(win.webContents.setZoomFactor).toHaveBeenCalledWith(1);
    // Outside production devtools are not force-closed (they are still off in webPreferences).
    win.webContents.emit('devtools-opened');
    expect(win.webContents.closeDevTools).not.toHaveBeenCalled();
  });

  it('closes devtools at once in production', () => {
    const win = new FakeBrowserWindow({});
    lockDownWindow(win as never, { production: true });
    win.webContents.emit('devtools-opened');
    expect(win.webContents.closeDevTools).toHaveBeenCalledTimes(1);
  });
});

function guardSetup() {
  const screen = new EventEmitter();
  const win = new FakeBrowserWindow({});
  const powerSaveBlocker = { start: vi.fn(() => 42), stop: vi.fn(), isStarted: vi.fn(() => true) };
  const incidents: string[] = [];
  const guard = createSessionGuard({
    powerSaveBlocker,
    screen: screen as never,
    window: win as never,
    onLockdownIncident: (kind) => incidents.push(kind),
  });
  return { screen, win, powerSaveBlocker, incidents, guard };
}

describe('session guard', () => {
  it('keeps the display awake only during a session', () => {
    const { guard, powerSaveBlocker } = guardSetup();
    expect(powerSaveBlocker.start).not.toHaveBeenCalled();
    guard.sessionStarted();
    guard.sessionStarted();
    expect(powerSaveBlocker.start).toHaveBeenCalledTimes(1);
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(guard.active).toBe(true);
    guard.sessionEnded();
    expect(powerSaveBlocker.stop).toHaveBeenCalledWith(42);
    expect(guard.active).toBe(false);
  });

  it('reports display added/removed/rescaled and window blur during a session, and refocuses', () => {
    const { guard, screen, win, incidents } = guardSetup();
    screen.emit('display-added', {}, {});
    win.emit('blur');
    expect(incidents).toEqual([]);
    guard.sessionStarted();
    screen.emit('display-added', {}, {});
    screen.emit('display-removed', {}, {});
    screen.emit('display-metrics-changed', {}, {}, ['workArea']);
    screen.emit('display-metrics-changed', {}, {}, ['scaleFactor']);
    win.emit('blur');
    expect(incidents).toEqual(['display-added', 'display-removed', 'display-changed', 'window-blur']);
    expect(win.focus).toHaveBeenCalled();
    guard.sessionEnded();
    screen.emit('display-added', {}, {});
    win.emit('blur');
    expect(incidents).toHaveLength(4);
    expect(screen.listenerCount('display-added')).toBe(0);
  });

  it('reaches the session service through the lockdown seam', () => {
    const seam = createLockdownSeam();
    const { screen, powerSaveBlocker } = guardSetup();
    const win = new FakeBrowserWindow({});
    seam.attachShell(
      createSessionGuard({
        powerSaveBlocker,
        screen: screen as never,
        window: win as never,
        onLockdownIncident: seam.report,
      }),
    );
    const heard: string[] = [];
    const unsubscribe = seam.onLockdownIncident((kind) => heard.push(kind));
    seam.sessionStarted();
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    screen.emit('display-removed', {}, {});
    unsubscribe();
    win.emit('blur');
    expect(heard).toEqual(['display-removed']);
    seam.sessionEnded();
    expect(powerSaveBlocker.stop).toHaveBeenCalled();
  });
});

describe('device facts from the screen API', () => {
  it('describes each display with bounds, scale, physical pixels and touch', () => {
    const primary = fakeDisplay();
    const second = fakeDisplay({
      id: 2,
      bounds: { x: 1920, y: 0, width: 1280, height: 720 },
      scaleFactor: 1.5,
      touchSupport: 'unavailable',
    });
    const facts = displaysFromScreen({
      getAllDisplays: () => [primary, second],
      getPrimaryDisplay: () => primary,
    } as never);
    expect(facts).toEqual([
      expect.objectContaining({
        id: '1',
        primary: true,
        physicalPixels: { width: 1920, height: 1080 },
        touch: 'available',
      }),
      expect.objectContaining({
        id: '2',
        primary: false,
        scaleFactor: 1.5,
        physicalPixels: { width: 1920, height: 1080 },
        touch: 'unavailable',
      }),
    ]);
  });
});

describe('build flags', () => {
  function packageJson(content: unknown): string {
    const file = join(mkdtempSync(join(tmpdir(), 'lbt-flags-')), 'package.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  }

  it('a packaged app is production: devtools and development publisher keys off, whatever the file says', () => {
    const lying = packageJson({ lbtBuild: { production: false, devtools: true, devPublisherKeys: true } });
    expect(readBuildFlags(lying, true)).toEqual({
      production: true,
      devtools: false,
      devPublisherKeys: false,
    });
  });

  it('reads the packager flags, and falls back to development defaults for a missing or bad block', () => {
    expect(
      readBuildFlags(
        packageJson({ lbtBuild: { production: true, devtools: false, devPublisherKeys: false } }),
        false,
      ),
    ).toEqual({
      production: true,
      devtools: false,
      devPublisherKeys: false,
    });
    expect(readBuildFlags(packageJson({ name: 'x' }), false)).toEqual({
      production: false,
      devtools: false,
      devPublisherKeys: true,
    });
    expect(readBuildFlags(packageJson({ lbtBuild: { production: 'yes' } }), false).production).toBe(false);
    expect(readBuildFlags('/nonexistent/package.json', false).production).toBe(false);
  });
});
