import type { BrowserWindow, PowerSaveBlocker, Screen } from 'electron';
import type { LockdownIncidentKind } from '../../src/shared/device';
import type { SessionLockdown } from '../../src/host/device/lockdown-seam';

export interface SessionGuardDeps {
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
  screen: Pick<Screen, 'on' | 'removeListener'>;
  window: Pick<BrowserWindow, 'on' | 'removeListener' | 'focus' | 'isDestroyed'>;
  onLockdownIncident: (kind: LockdownIncidentKind) => void;
}

/** Display changes that alter what the candidate sees; a work-area change (taskbar) does not. */
const VISIBLE_METRICS = new Set(['bounds', 'scaleFactor', 'rotation']);

/**
 * While a session runs: the display may not sleep; a display added, removed or rescaled, or the window resized,
 * is reported so the host measures again (it pauses when the policy breaks); the kiosk window losing focus is
 * reported so the session pauses and the afnemer is called.
 */
export function createSessionGuard(deps: SessionGuardDeps): SessionLockdown & { readonly active: boolean } {
  let blocker: number | null = null;
  const added = () => deps.onLockdownIncident('display-added');
  const removed = () => deps.onLockdownIncident('display-removed');
  const changed = (_event: unknown, _display: unknown, metrics: string[]) => {
    if (metrics.some((metric) => VISIBLE_METRICS.has(metric))) deps.onLockdownIncident('display-changed');
  };
  // The window's own size (the kiosk window should never change it; if it does, the display watch measures).
  const resized = () => deps.onLockdownIncident('display-changed');
  const blurred = () => {
    deps.onLockdownIncident('window-blur');
    // Take focus back at once: the kiosk must stay in front even if something slipped past the OS setup.
    if (!deps.window.isDestroyed()) deps.window.focus();
  };

  return {
    get active() {
      return blocker !== null;
    },
    sessionStarted() {
      if (blocker !== null) return;
      blocker = deps.powerSaveBlocker.start('prevent-display-sleep');
      deps.screen.on('display-added', added);
      deps.screen.on('display-removed', removed);
      deps.screen.on('display-metrics-changed', changed);
      deps.window.on('blur', blurred);
      deps.window.on('resize', resized);
    },
    sessionEnded() {
      if (blocker === null) return;
      if (deps.powerSaveBlocker.isStarted(blocker)) deps.powerSaveBlocker.stop(blocker);
      blocker = null;
      deps.screen.removeListener('display-added', added);
      deps.screen.removeListener('display-removed', removed);
      deps.screen.removeListener('display-metrics-changed', changed);
      deps.window.removeListener('blur', blurred);
      deps.window.removeListener('resize', resized);
    },
  };
}
