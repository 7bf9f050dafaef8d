import { useEffect, useState } from 'react';
import { useCandidate } from './context';

/**
 * How long the candidate has touched nothing on this screen, in the steps that matter: the `after` times
 * (ascending, ms) already passed, counted from arriving or the last touch anywhere on the page. While `paused`
 * (a replay running, PLAY playing) nothing counts, and the count restarts when it ends. Only touches on the
 * candidate's screen (`data-candidate-root`) count. The last touch is kept in
 * the candidate store, so the afnemer's overlay can say how long the candidate has been quiet.
 */
export function useIdleSteps(after: readonly number[], paused = false): number {
  const { store } = useCandidate();
  const [passed, setPassed] = useState(0);
  const key = after.join(',');
  useEffect(() => {
    setPassed(0);
    if (paused) {
      store.setState({ quietSince: null });
      return;
    }
    let timers: ReturnType<typeof setTimeout>[] = [];
    const restart = () => {
      timers.forEach(clearTimeout);
      timers = [];
      setPassed(0);
      store.setState({ quietSince: Date.now() });
      timers = after.map((ms, i) => setTimeout(() => setPassed(i + 1), ms));
    };
    // Only the candidate's own screen counts: the afnemer typing the PIN on the overlay is not the candidate.
    const touched = (event: PointerEvent) => {
      if (event.target instanceof Element && event.target.closest('[data-candidate-root]')) restart();
    };
    restart();
    // Capture: a touch counts even where a control stops it from bubbling.
    window.addEventListener('pointerdown', touched, true);
    return () => {
      window.removeEventListener('pointerdown', touched, true);
      timers.forEach(clearTimeout);
      store.setState({ quietSince: null });
    };
    // `key` stands for `after`: a new array with the same times is the same steps.
  }, [key, paused, store]);
  return passed;
}
