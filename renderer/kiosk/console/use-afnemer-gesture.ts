import { useEffect, useRef } from 'react';

/** How long the afnemer holds a finger (or the mouse) in the corner. */
export const HOLD_MS = 3000;
/** The corner zone, in CSS pixels from the top-left of the window. */
export const CORNER_PX = 72;
/** A finger may wander this far while holding, and still count as one press. */
const SLOP_PX = 24;

/**
 * The afnemer's way into the running sitting, documented in docs/OPERATIONS.md: a 3-second press in the
 * top-left corner of the screen, or Ctrl+Alt+A on the keyboard (not Ctrl+Alt+P: the Electron shell swallows
 * every Ctrl+P as "print").
 *
 * Listens on the window in the capture phase and never blocks a short tap: the candidate's PLAY control
 * sits near that corner and must keep working. Only once the hold completes are the rest of that pointer's
 * events swallowed, so lifting the finger does not also press what lies under it.
 */
export function useAfnemerGesture(onGesture: () => void, enabled: boolean): void {
  const callback = useRef(onGesture);
  callback.current = onGesture;

  useEffect(() => {
    if (!enabled) return;
    let hold: { pointerId: number; x: number; y: number; timer: number } | null = null;
    let swallowing: number | null = null;

    const cancel = () => {
      if (hold) window.clearTimeout(hold.timer);
      hold = null;
    };
    const down = (event: PointerEvent) => {
      if (event.clientX > CORNER_PX || event.clientY > CORNER_PX) return;
      cancel();
      const pointerId = event.pointerId;
      hold = {
        pointerId,
        x: event.clientX,
        y: event.clientY,
        timer: window.setTimeout(() => {
          hold = null;
          swallowing = pointerId;
          callback.current();
        }, HOLD_MS),
      };
    };
    const move = (event: PointerEvent) => {
      if (swallowing === event.pointerId) return swallow(event);
      if (!hold || hold.pointerId !== event.pointerId) return;
      if (Math.hypot(event.clientX - hold.x, event.clientY - hold.y) > SLOP_PX) cancel();
    };
    const up = (event: PointerEvent) => {
      if (swallowing === event.pointerId) {
        swallowing = null;
        return swallow(event);
      }
      if (hold?.pointerId === event.pointerId) cancel();
    };
    const swallow = (event: Event) => {
      event.stopPropagation();
      event.preventDefault();
    };
    const key = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.altKey && event.code === 'KeyA') {
        swallow(event);
        callback.current();
      }
    };
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointermove', move, true);
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', up, true);
    window.addEventListener('keydown', key, true);
    return () => {
      cancel();
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointermove', move, true);
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', up, true);
      window.removeEventListener('keydown', key, true);
    };
  }, [enabled]);
}
