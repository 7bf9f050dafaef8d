import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { snapTarget } from './answer-model';
import type { InputType } from './model';

/** Movement (CSS px) below which a press counts as a tap, not a drag: unsteady fingers wobble. */
const TAP_SLOP = 12;

export interface DragHandlers {
  onPointerDown(event: ReactPointerEvent<HTMLElement>): void;
  onPointerMove(event: ReactPointerEvent<HTMLElement>): void;
  onPointerUp(event: ReactPointerEvent<HTMLElement>): void;
  onPointerCancel(event: ReactPointerEvent<HTMLElement>): void;
}

function pointerInput(event: ReactPointerEvent): InputType {
  const type = event.pointerType;
  return type === 'touch' || type === 'pen' ? type : 'mouse';
}

/**
 * Drag with snapping on pointer events (touch, pen and mouse alike). The element follows the pointer
 * by a transform, without React renders, so it keeps up with the finger; on release it reports the drop
 * zone (`[data-drop-index]` inside `scope`) it snaps to, or a tap when it barely moved.
 */
export function useDrag(options: {
  scope: () => HTMLElement | null;
  onTap: (inputType: InputType) => void;
  onDrop: (dropIndex: number | null, inputType: InputType) => void;
}): DragHandlers {
  const start = useRef<{ x: number; y: number; id: number; moved: boolean } | null>(null);

  const reset = (element: HTMLElement) => {
    element.style.transform = '';
    element.classList.remove('is-lifted', 'is-dragging');
    start.current = null;
  };

  return {
    onPointerDown(event) {
      if (event.button !== 0 || start.current) return;
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      event.currentTarget.classList.add('is-lifted');
      start.current = { x: event.clientX, y: event.clientY, id: event.pointerId, moved: false };
    },
    onPointerMove(event) {
      const begun = start.current;
      if (!begun || begun.id !== event.pointerId) return;
      const dx = event.clientX - begun.x;
      const dy = event.clientY - begun.y;
      if (!begun.moved && Math.hypot(dx, dy) < TAP_SLOP) return;
      begun.moved = true;
      const element = event.currentTarget;
      element.classList.add('is-dragging');
      // The canvas is scaled: convert CSS px back to the element's own (design) units.
      const scale = element.getBoundingClientRect().width / (element.offsetWidth || 1) || 1;
      element.style.transform = `translate(${dx / scale}px, ${dy / scale}px) scale(1.08)`;
    },
    onPointerUp(event) {
      const begun = start.current;
      if (!begun || begun.id !== event.pointerId) return;
      const inputType = pointerInput(event);
      reset(event.currentTarget);
      const zones = [...(options.scope()?.querySelectorAll<HTMLElement>('[data-drop-index]') ?? [])];
      const hit = snapTarget(
        { x: event.clientX, y: event.clientY },
        zones.map((zone) => zone.getBoundingClientRect()),
      );
      // Apply the answer after this task: the touchend that follows pointerup must still find the
      // element in the page. If re-rendering removed it first, Chromium loses the end of the touch and
      // swallows the click of the next tap (e.g. on "volgende").
      setTimeout(() => {
        if (!begun.moved) options.onTap(inputType);
        else options.onDrop(hit === null ? null : Number(zones[hit]!.dataset.dropIndex), inputType);
      }, 0);
    },
    onPointerCancel(event) {
      if (start.current?.id === event.pointerId) reset(event.currentTarget);
    },
  };
}
