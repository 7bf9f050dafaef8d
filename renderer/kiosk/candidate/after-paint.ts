import { useEffect, type DependencyList } from 'react';

/**
 * How long after the new screen's first frame has begun the deferred work waits. That frame is still
 * being rastered and composited then (in software on the test machines, 10-40 ms); anything started
 * earlier takes CPU from it on a two-core machine and was measured to delay it (docs/BENCHMARKS.md).
 */
const SETTLE_MS = 100;
/** Upper bound on the wait, for a page that produces no frames (hidden, or not rendering). */
const FALLBACK_MS = 400;

/**
 * Runs `task` once the screen as it is now has had its chance to reach the glass: two animation frames
 * and then SETTLE_MS later. For work that changes nothing the candidate sees at once (a "shown" record,
 * fetching the next item's pictures). Returns a canceller.
 */
export function afterPaint(task: () => void, win: Window = window): () => void {
  let done = false;
  let timer: number | undefined;
  const run = () => {
    if (done) return;
    done = true;
    win.clearTimeout(fallback);
    task();
  };
  const fallback = win.setTimeout(run, FALLBACK_MS);
  let frame = win.requestAnimationFrame(() => {
    frame = win.requestAnimationFrame(() => {
      timer = win.setTimeout(run, SETTLE_MS);
    });
  });
  return () => {
    done = true;
    win.cancelAnimationFrame(frame);
    win.clearTimeout(fallback);
    if (timer !== undefined) win.clearTimeout(timer);
  };
}

/** `useEffect`, deferred with `afterPaint`: for a new screen's effects that nobody needs at once. */
export function useEffectAfterPaint(effect: () => void, deps: DependencyList): void {
  useEffect(() => afterPaint(effect), deps);
}
