import { describe, expect, it } from 'vitest';
import { DESIGN_HEIGHT, DESIGN_WIDTH, fitWindow, MIN_ZOOM } from '../../../renderer/review/fit-window';

describe('fitWindow: the dashboard zooms out as a whole in a window smaller than its design size', () => {
  it('leaves a window that holds 1366x768 alone', () => {
    expect(fitWindow(1366, 768)).toEqual({ zoom: 1, tooSmall: false });
    expect(fitWindow(1920, 1080)).toEqual({ zoom: 1, tooSmall: false });
  });

  it('zooms by the tighter side, rounded down so the page never ends up a pixel too large', () => {
    // A 1920x1080 laptop at 150% with the browser's bars: about 1280x600 for the page.
    const { zoom, tooSmall } = fitWindow(1280, 600);
    expect(tooSmall).toBe(false);
    expect(zoom).toBe(0.781);
    expect(DESIGN_HEIGHT * zoom).toBeLessThanOrEqual(600);
    expect(DESIGN_WIDTH * zoom).toBeLessThanOrEqual(1280);
    expect(fitWindow(1200, 768).zoom).toBe(0.878);
  });

  it('stops at the smallest readable zoom and lets the page scroll there instead of cutting it off', () => {
    expect(fitWindow(900, 500)).toEqual({ zoom: MIN_ZOOM, tooSmall: true });
    expect(fitWindow(DESIGN_WIDTH * MIN_ZOOM, DESIGN_HEIGHT * MIN_ZOOM)).toEqual({
      zoom: MIN_ZOOM,
      tooSmall: false,
    });
  });
});
