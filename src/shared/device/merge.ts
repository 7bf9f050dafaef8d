import type { ShellKind } from '../contract/app-info';
import type { DeviceFacts, DisplayFacts, HostFacts, PageFacts, PanelFacts } from './facts';

export interface MergeContext {
  shell: ShellKind;
  appVersion: string;
  collectedAt: string;
  /** Electron's screen API, when the Electron shell runs; the Chromium host has only the page's view. */
  shellDisplays?: DisplayFacts[];
}

/**
 * Which measured panel belongs to a display. With as many panels as displays they pair in order; otherwise
 * only the primary display gets one: the built-in panel, or the only panel there is. Anything else is left
 * unknown rather than guessed, so the size rule asks the afnemer to check by hand.
 */
function panelFor(
  panels: PanelFacts[],
  displayCount: number,
  index: number,
  primary: boolean,
): PanelFacts | null {
  const sized = panels.filter((panel) => panel.diagonalInches !== null);
  if (sized.length === displayCount) return sized[index] ?? null;
  if (!primary) return null;
  const internal = sized.filter((panel) => panel.internal === true);
  if (internal.length === 1) return internal[0]!;
  return sized.length === 1 ? sized[0]! : null;
}

function withPanel(display: DisplayFacts, panel: PanelFacts | null): DisplayFacts {
  if (display.diagonalInches !== null || !panel) return display;
  return {
    ...display,
    sizeMm: panel.sizeMm,
    diagonalInches: panel.diagonalInches,
    sizeSource: panel.sizeSource,
  };
}

function pageDisplay(page: PageFacts): DisplayFacts {
  const scale = page.devicePixelRatio;
  return {
    id: 'page',
    primary: true,
    bounds: { x: 0, y: 0, width: page.screen.width, height: page.screen.height },
    scaleFactor: scale,
    physicalPixels: {
      width: Math.round(page.screen.width * scale),
      height: Math.round(page.screen.height * scale),
    },
    touch: page.maxTouchPoints > 0 ? 'available' : 'unavailable',
    sizeMm: null,
    diagonalInches: null,
    sizeSource: null,
  };
}

/** Joins the page's facts, the host's facts and (in Electron) the screen API into one DeviceFacts. */
export function mergeDeviceFacts(
  page: PageFacts | null,
  host: HostFacts,
  context: MergeContext,
): DeviceFacts {
  const base = context.shellDisplays ?? (page ? [pageDisplay(page)] : []);
  const displays = base.map((display, index) =>
    withPanel(display, panelFor(host.panels, base.length, index, display.primary)),
  );
  // The page sees one screen; the OS (or screen.isExtended) tells whether more are attached.
  const displayCount = context.shellDisplays
    ? context.shellDisplays.length
    : Math.max(displays.length, host.connectedDisplays ?? 0, page?.screenIsExtended ? 2 : 0);
  return {
    collectedAt: context.collectedAt,
    shell: context.shell,
    appVersion: context.appVersion,
    displays,
    displayCount,
    page,
    panels: host.panels,
    power: host.power,
    disk: host.disk,
    audio: host.audio,
    os: host.os,
    kioskAccount: host.kioskAccount,
  };
}
