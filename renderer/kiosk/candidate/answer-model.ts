import type { InteractionSpec, Response } from '../../../src/shared/items';

/**
 * Pure edits of a candidate's answer. Every edit returns a whole new Response (the payload of one
 * answer-change event), so the host always receives the full answer, never a diff it could misapply.
 */

export function emptyResponse(spec: InteractionSpec): Response | null {
  return spec.kind === 'order'
    ? { kind: 'order', sequence: Array.from({ length: spec.slots }, () => null) }
    : null;
}

function sequenceOf(spec: InteractionSpec & { kind: 'order' }, response: Response | null): (string | null)[] {
  const base =
    response?.kind === 'order' ? [...response.sequence] : Array.from({ length: spec.slots }, () => null);
  return Array.from({ length: spec.slots }, (_, i) => base[i] ?? null);
}

/**
 * Puts a tile into a slot. A tile lives in at most one slot; if the slot held another tile, that tile
 * swaps into the dragged tile's old slot (or returns to the tray when the dragged tile came from there).
 */
export function placeTile(
  spec: InteractionSpec & { kind: 'order' },
  response: Response | null,
  tileId: string,
  slot: number,
): Response {
  const sequence = sequenceOf(spec, response);
  if (slot < 0 || slot >= sequence.length) return { kind: 'order', sequence };
  const from = sequence.indexOf(tileId);
  const occupant = sequence[slot] ?? null;
  if (from >= 0) sequence[from] = occupant === tileId ? null : occupant;
  sequence[slot] = tileId;
  return { kind: 'order', sequence };
}

/** A tap on a tile in the tray fills the first empty slot (the tap-only way to answer). */
export function placeTileInFirstEmpty(
  spec: InteractionSpec & { kind: 'order' },
  response: Response | null,
  tileId: string,
): Response {
  const sequence = sequenceOf(spec, response);
  const empty = sequence.indexOf(null);
  return empty < 0 ? { kind: 'order', sequence } : placeTile(spec, response, tileId, empty);
}

/** Take-back: the tile returns to the tray and its slot is empty again. */
export function removeTile(
  spec: InteractionSpec & { kind: 'order' },
  response: Response | null,
  tileId: string,
): Response {
  return { kind: 'order', sequence: sequenceOf(spec, response).map((id) => (id === tileId ? null : id)) };
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The drop target a released drag snaps to: the one whose centre is nearest the pointer, if the pointer
 * is within `reach` times the target's size of that centre. Generous on purpose: an unsteady hand that
 * drops near a slot means that slot.
 */
export function snapTarget(point: { x: number; y: number }, rects: Rect[], reach = 0.9): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  rects.forEach((rect, index) => {
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const dx = Math.abs(point.x - cx) / rect.width;
    const dy = Math.abs(point.y - cy) / rect.height;
    if (dx > reach || dy > reach) return;
    const distance = Math.hypot(point.x - cx, point.y - cy);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

/** Whether two responses are the same answer (so an unchanged drop sends no event). */
export function sameResponse(a: Response | null, b: Response | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
