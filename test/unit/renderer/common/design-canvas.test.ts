import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DESIGN_HEIGHT,
  DESIGN_WIDTH,
  MIN_TARGET,
  fitCanvas,
} from '../../../../renderer/common/design-canvas';

describe('the design canvas', () => {
  it('fits inside every window, centred, without being cut off', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 8000 }), fc.integer({ min: 200, max: 8000 }), (w, h) => {
        const fit = fitCanvas(w, h);
        expect(fit.left).toBeGreaterThanOrEqual(0);
        expect(fit.top).toBeGreaterThanOrEqual(0);
        expect(fit.left + DESIGN_WIDTH * fit.scale).toBeLessThanOrEqual(w + 1e-6);
        expect(fit.top + DESIGN_HEIGHT * fit.scale).toBeLessThanOrEqual(h + 1e-6);
        // Letterboxed: one side is (nearly) filled.
        expect(Math.max((DESIGN_WIDTH * fit.scale) / w, (DESIGN_HEIGHT * fit.scale) / h)).toBeGreaterThan(
          0.99,
        );
      }),
    );
  });

  it('keeps tap targets at least 12 mm on the prescribed 15-inch 1920x1080 panel', () => {
    const mmPerPx = (15 * 25.4 * (16 / Math.hypot(16, 9))) / 1920;
    const { scale } = fitCanvas(1920, 1080);
    expect(MIN_TARGET * scale * mmPerPx).toBeGreaterThanOrEqual(12);
    // The brief's more cautious figure: ~86 CSS px.
    expect(MIN_TARGET * scale).toBeGreaterThanOrEqual(86);
  });

  it('and on the documented 2496x1664 panel at 200% (a 1248x832 viewport)', () => {
    const mmPerDevicePx = (15 * 25.4 * (3 / Math.hypot(3, 2))) / 2496;
    const { scale } = fitCanvas(1248, 832);
    expect(MIN_TARGET * scale * 2 * mmPerDevicePx).toBeGreaterThanOrEqual(12);
  });
});
