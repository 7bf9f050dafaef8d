import { Rejected } from './router';

/**
 * Whether this host runs demonstrations (issue 16, point 11), read through one object so a switch at run time
 * reaches every part that asks: the opening event's demo mark, the console's device gate and app.info.
 *
 * Two ways in, both decided by whoever starts the host, never by the page alone:
 * - `--demo`: demo from the start;
 * - `--demo-offer` (development only, `npm start`): the blocked device check shows "Demo starten", and the page
 *   may switch demo on. A production build never offers it, so a real kiosk cannot be talked into a demo.
 * Demo is one way: a host that ran demonstrations is restarted before it runs a real sitting again.
 */
export interface DemoMode {
  on(): boolean;
  offered(): boolean;
  /** Switches demo on; refused when not offered or while a sitting is open (it would mix real and demo). */
  start(sittingOpen: boolean): void;
}

export function createDemoMode(options: { on?: boolean; offered?: boolean }): DemoMode {
  let on = options.on === true;
  const offered = options.offered === true;
  return {
    on: () => on,
    offered: () => offered && !on,
    start(sittingOpen) {
      if (on) return;
      if (!offered)
        throw new Rejected('Deze kiosk biedt geen demonstratie aan (alleen in ontwikkeling, met npm start).');
      if (sittingOpen)
        throw new Rejected('Er is een afname geopend: sluit die eerst, dan kan de demonstratie starten.');
      on = true;
    },
  };
}
