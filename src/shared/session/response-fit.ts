import type { Response, Scene } from '../items';

/**
 * Whether a response is an answer to this scene at all: the right interaction kind, ids that exist on
 * screen, one entry per slot, no tile twice. Returns what is wrong, or null. Incomplete is allowed here.
 */
export function checkResponseFits(response: Response, scene: Scene): string | null {
  const spec = scene.interaction;
  if (response.kind !== spec.kind) return `a "${spec.kind}" answer was expected, not "${response.kind}"`;
  if (response.kind === 'choose' && spec.kind === 'choose') {
    return spec.options.some((option) => option.id === response.optionId)
      ? null
      : `"${response.optionId}" is not one of the options`;
  }
  if (response.kind === 'place' && spec.kind === 'place') {
    return spec.targets.some((target) => target.id === response.targetId)
      ? null
      : `"${response.targetId}" is not one of the targets`;
  }
  if (response.kind === 'order' && spec.kind === 'order') {
    if (response.sequence.length !== spec.slots) {
      return `${spec.slots} slots were expected, not ${response.sequence.length}`;
    }
    const tiles = new Set(spec.tiles.map((tile) => tile.id));
    const placed = response.sequence.filter((id): id is string => id !== null);
    const unknown = placed.find((id) => !tiles.has(id));
    if (unknown) return `"${unknown}" is not one of the tiles`;
    if (new Set(placed).size !== placed.length) return 'a tile is placed twice';
  }
  return null;
}

/**
 * The one rule for a complete answer: "volgende" may be pressed, the answer may be committed, and it is scored
 * as answered. Every order slot filled; a choose or place answer always is; no answer never is.
 */
export function isComplete(response: Response | null | undefined): boolean {
  return !!response && (response.kind !== 'order' || response.sequence.every((id) => id !== null));
}
