import type { PageFacts } from '../../../src/shared/device';

/** `screen.isExtended` (Window Management API) exists in Chromium without any permission. */
type ScreenWithExtended = Screen & { isExtended?: boolean };

/** What the page itself can see of the device; the host adds EDID, battery and disk. */
export function collectPageFacts(win: Window = window): PageFacts {
  const screen = win.screen as ScreenWithExtended;
  const media = (query: string) => win.matchMedia(query).matches;
  return {
    screen: { width: Math.round(screen.width), height: Math.round(screen.height) },
    availScreen: { width: Math.round(screen.availWidth), height: Math.round(screen.availHeight) },
    viewport: { width: win.innerWidth, height: win.innerHeight },
    devicePixelRatio: win.devicePixelRatio || 1,
    maxTouchPoints: Math.min(256, win.navigator.maxTouchPoints ?? 0),
    pointerCoarse: media('(pointer: coarse)'),
    anyPointerCoarse: media('(any-pointer: coarse)'),
    screenIsExtended: typeof screen.isExtended === 'boolean' ? screen.isExtended : null,
  };
}
