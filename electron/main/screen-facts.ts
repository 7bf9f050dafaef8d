import type { Display, Screen } from 'electron';
import type { DisplayFacts } from '../../src/shared/device';

/** One Electron display as device facts; the panel size comes later from EDID or WMI. */
export function displayFacts(display: Display, primaryId: number): DisplayFacts {
  const { x, y, width, height } = display.bounds;
  return {
    id: String(display.id),
    primary: display.id === primaryId,
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    scaleFactor: display.scaleFactor,
    physicalPixels: {
      width: Math.round(width * display.scaleFactor),
      height: Math.round(height * display.scaleFactor),
    },
    touch: display.touchSupport,
    sizeMm: null,
    diagonalInches: null,
    sizeSource: null,
  };
}

/** Every display Electron's screen API knows, the primary one marked. */
export function displaysFromScreen(
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>,
): DisplayFacts[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((display) => displayFacts(display, primaryId));
}
