/**
 * Every view of the dashboard is laid out for at least 1366x768 CSS pixels. Many gemeente laptops give the
 * browser less: a 1920x1080 panel at Windows' default 150% is 1280x720 CSS pixels, and the browser's own bars
 * leave about 1280x600 of that to the page. Rather than cut a view off or give it a scrollbar, the whole page is
 * zoomed out until the design size fits (CSS `zoom` on the root, so the layout still gets its 1366x768). Below
 * MIN_ZOOM text would get too small to read; there the page stays at MIN_ZOOM and may scroll (`too-small`).
 *
 * A user who zoomed the browser in asked for larger text (WCAG 1.4.4), so then the page is never zoomed out: it
 * keeps the user's size and scrolls where it must.
 */
export const DESIGN_WIDTH = 1366;
export const DESIGN_HEIGHT = 768;
export const MIN_ZOOM = 0.75;
/** Above this estimate of the browser's own zoom the user has zoomed in on purpose. */
const USER_ZOOMED_IN = 1.08;

export interface Fit {
  /** 1 when the window holds the design size; otherwise the zoom that makes it fit, never below MIN_ZOOM. */
  zoom: number;
  /** The window is too small at the zoom given: the page may scroll rather than lose content. */
  tooSmall: boolean;
}

/** `browserZoom`: the browser's own zoom, as far as the page can tell (see browserZoomOf). */
export function fitWindow(width: number, height: number, browserZoom = 1): Fit {
  const fits = width >= DESIGN_WIDTH && height >= DESIGN_HEIGHT;
  if (browserZoom > USER_ZOOMED_IN) return { zoom: 1, tooSmall: !fits };
  // Rounded down, so rounding never makes the page a pixel too large for the window.
  const wanted = Math.floor(Math.min(1, width / DESIGN_WIDTH, height / DESIGN_HEIGHT) * 1000) / 1000;
  return { zoom: Math.max(MIN_ZOOM, wanted), tooSmall: wanted < MIN_ZOOM };
}

/**
 * The browser's zoom, estimated: the window's outer width is in screen pixels and does not change with the
 * page zoom, the inner width is in CSS pixels and does. 1 where the browser gives no outer size.
 */
export function browserZoomOf(win: Pick<Window, 'outerWidth' | 'innerWidth'>): number {
  return win.outerWidth > 0 && win.innerWidth > 0 ? win.outerWidth / win.innerWidth : 1;
}

/** Applies the fit now and on every resize (a browser zoom is one too); returns the function that stops it. */
export function keepFitted(win: Window = window): () => void {
  const root = win.document.documentElement;
  const apply = () => {
    const { zoom, tooSmall } = fitWindow(win.innerWidth, win.innerHeight, browserZoomOf(win));
    root.style.zoom = zoom === 1 ? '' : String(zoom);
    root.classList.toggle('too-small', tooSmall);
  };
  apply();
  win.addEventListener('resize', apply);
  return () => win.removeEventListener('resize', apply);
}
