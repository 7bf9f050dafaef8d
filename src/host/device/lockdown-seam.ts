import type { LockdownIncidentKind } from '../../shared/device';

/** What the shell does while a session runs: keep the display awake and watch displays and focus. */
export interface SessionLockdown {
  sessionStarted(): void;
  sessionEnded(): void;
}

/**
 * The seam between the shell's lockdown and the session service (which lives in src/host and may not import
 * the Electron shell). The session service:
 *   - calls `sessionStarted()` when a sitting begins and `sessionEnded()` when it ends or is aborted;
 *   - subscribes with `onLockdownIncident(kind => …)` and, on an incident, pauses the session and asks for the
 *     afnemer (the incident is recorded with the result).
 * The Electron shell attaches its guard with `attachShell`; the Chromium host attaches nothing (it has no
 * lockdown to keep, and says so at start).
 */
export interface LockdownSeam extends SessionLockdown {
  onLockdownIncident(listener: (kind: LockdownIncidentKind) => void): () => void;
  /** Called by the shell when an incident happens. */
  report(kind: LockdownIncidentKind): void;
  attachShell(shell: SessionLockdown): void;
}

export function createLockdownSeam(): LockdownSeam {
  const listeners = new Set<(kind: LockdownIncidentKind) => void>();
  let shell: SessionLockdown | null = null;
  return {
    onLockdownIncident(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report(kind) {
      for (const listener of listeners) listener(kind);
    },
    attachShell(attached) {
      shell = attached;
    },
    sessionStarted: () => shell?.sessionStarted(),
    sessionEnded: () => shell?.sessionEnded(),
  };
}
