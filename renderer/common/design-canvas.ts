/**
 * The candidate screens are laid out once on a fixed design canvas and scaled uniformly to the window,
 * letterboxed, so the same picture appears at every resolution and nothing can scroll or be cut off.
 */
export const DESIGN_WIDTH = 1600;
export const DESIGN_HEIGHT = 1000;

/**
 * Minimum tap target, in design units.
 *
 * 12 mm on the prescribed 15-inch 1920x1080 panel: its width is 15 in x 16/sqrt(16^2+9^2) = 13.07 in =
 * 332 mm, so 1920 px / 332 mm = 5.78 px/mm and 12 mm = 69.4 CSS px at 100% scaling. The brief rounds
 * more cautiously to ~86 CSS px. On that panel the canvas scale is min(1920/1600, 1080/1000) = 1.08, so
 * 100 design units = 108 CSS px = 18.7 mm: above both figures. On the documented 2496x1664 15-inch
 * panel at 200% (a 1248x832 viewport) the scale is 0.78: 100 units = 78 CSS px = 156 device px, and
 * that panel has 2496 px / 317 mm = 7.87 px/mm, so 19.8 mm.
 */
export const MIN_TARGET = 100;

/**
 * The same canvas turned upright, for a phone held in portrait (the home practice app): the kiosk's screens
 * rearranged for it by renderer/practice/practice.css, with the same 100-unit tap targets.
 */
export const PORTRAIT_DESIGN = { width: DESIGN_HEIGHT, height: DESIGN_WIDTH } as const;

export interface CanvasFit {
  /** CSS pixels per design unit. */
  scale: number;
  /** Offset of the canvas's top-left corner in the window, in CSS pixels (the letterbox bars). */
  left: number;
  top: number;
}

/** The largest uniform scale at which the whole canvas fits the window, centred. */
export function fitCanvas(
  windowWidth: number,
  windowHeight: number,
  design: { width: number; height: number } = { width: DESIGN_WIDTH, height: DESIGN_HEIGHT },
): CanvasFit {
  const width = Math.max(1, windowWidth);
  const height = Math.max(1, windowHeight);
  // Floor to 1/10000 so rounding never makes the canvas a fraction of a pixel larger than the window.
  const scale = Math.floor(Math.min(width / design.width, height / design.height) * 10000) / 10000;
  return {
    scale,
    left: Math.max(0, Math.floor((width - design.width * scale) / 2)),
    top: Math.max(0, Math.floor((height - design.height * scale) / 2)),
  };
}
