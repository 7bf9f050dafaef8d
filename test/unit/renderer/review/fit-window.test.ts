import { describe, expect, it } from 'vitest';
import {
  browserZoomOf,
  DESIGN_HEIGHT,
  DESIGN_WIDTH,
  fitWindow,
  MIN_ZOOM,
} from '../../../../renderer/review/fit-window';

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

describe('fitWindow after the user zoomed the browser in', () => {
  it('keeps the size the user asked for and lets the page scroll instead', () => {
    // A 1920x1080 screen at 150% browser zoom: 1280 CSS pixels wide inside a 1920-pixel window.
    const zoomedIn = browserZoomOf({ outerWidth: 1920, innerWidth: 1280 });
    expect(zoomedIn).toBe(1.5);
    expect(fitWindow(1280, 633, zoomedIn)).toEqual({ zoom: 1, tooSmall: true });
    // Zoomed in but the window still holds the design size: nothing to do.
    expect(fitWindow(1400, 800, zoomedIn)).toEqual({ zoom: 1, tooSmall: false });
  });

  it('treats window borders and a browser without an outer size as no zoom', () => {
    expect(browserZoomOf({ outerWidth: 1296, innerWidth: 1280 })).toBeLessThan(1.08);
    expect(fitWindow(1280, 600, browserZoomOf({ outerWidth: 1296, innerWidth: 1280 })).zoom).toBe(0.781);
    expect(browserZoomOf({ outerWidth: 0, innerWidth: 1280 })).toBe(1);
  });
});
