import { describe, expect, it, vi } from 'vitest';
import type { createFakeElectron } from './fake-electron';
import { FakeBrowserWindow } from './fake-electron';

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof createFakeElectron> | null }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  fake.current = createFakeElectron();
  return fake.current;
});

describe('main process lockdown wiring', () => {
  it('locks the kiosk window down and answers device.check with the screen API displays', async () => {
    FakeBrowserWindow.created.length = 0;
    await import('../../../../electron/main/main');
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    const win = FakeBrowserWindow.created[0]!;
    expect(win.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    expect(win.setContentProtection).toHaveBeenCalledWith(true);
    expect(win.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    expect(win.webContents.listenerCount('before-input-event')).toBe(1);
    // Electron's default menu (Ctrl+M minimises, …) is never built: the app has no menu at all.
    expect(fake.current!.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(fake.current!.Menu.setApplicationMenu.mock.invocationCallOrder[0]).toBeLessThan(
      fake.current!.app.whenReady.mock.invocationCallOrder[0]!,
    );
    // No session yet: the display may sleep and nothing watches the displays.
    expect(fake.current!.powerSaveBlocker.start).not.toHaveBeenCalled();

    const handle = fake.current!.handlers.get('lbt:device.check')!;
    const answer = (await handle(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      { page: null },
    )) as {
      ok: boolean;
      value: { facts: { shell: string; displays: { physicalPixels: unknown; touch: string }[] } };
    };
    expect(answer.ok).toBe(true);
    expect(answer.value.facts.shell).toBe('electron');
    expect(answer.value.facts.displays[0]).toMatchObject({
      physicalPixels: { width: 1920, height: 1080 },
      touch: 'available',
    });
  });

  it('on quit, waits once for the host to close, then quits for real', async () => {
    // The module was loaded by the test above; its host is composed by now.
    const app = fake.current!.app;
    app.quit.mockClear();
    const first = { preventDefault: vi.fn() };
    app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    // The second round (from that app.quit) is let through.
    const second = { preventDefault: vi.fn() };
    app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
