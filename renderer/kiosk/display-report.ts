import { collectPageFacts } from './device-check/page-facts';

/** A resize drag fires many events; the host needs the display as it settled. */
const SETTLE_MS = 300;

/**
 * The page's half of the display watch (issue 16, point 10): after a window resize or a change of the
 * device pixel ratio (a scale or screen change; `resize` alone misses a pure zoom) it tells the host what it
 * sees now. The host decides whether a sitting runs, whether anything changed and whether the policy still
 * holds; outside a sitting it ignores the report.
 */
export function installDisplayReport(win: Window = window): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let media: MediaQueryList | null = null;

  const report = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void win.lbt.device.watch({ page: collectPageFacts(win) });
    }, SETTLE_MS);
  };

  // A resolution query matches only the ratio it was made for: after each change, listen for the next one.
  const watchRatio = () => {
    media?.removeEventListener('change', onRatio);
    media = win.matchMedia(`(resolution: ${win.devicePixelRatio}dppx)`);
    media.addEventListener('change', onRatio);
  };
  function onRatio() {
    watchRatio();
    report();
  }

  win.addEventListener('resize', report);
  watchRatio();
  return () => {
    win.removeEventListener('resize', report);
    media?.removeEventListener('change', onRatio);
    if (timer) clearTimeout(timer);
  };
}
