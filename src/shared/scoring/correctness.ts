import type { Response } from '../items';

/**
 * Dichotomous scoring of one answer: correct only when it equals the key exactly. An order answer must
 * have the same tiles in the same slots (an unfilled slot never matches). No answer is never correct.
 */
export function isCorrect(response: Response | null | undefined, key: Response): boolean {
  if (!response || response.kind !== key.kind) return false;
  switch (key.kind) {
    case 'choose':
      return response.kind === 'choose' && response.optionId === key.optionId;
    case 'place':
      return response.kind === 'place' && response.targetId === key.targetId;
    case 'order':
      return (
        response.kind === 'order' &&
        response.sequence.length === key.sequence.length &&
        response.sequence.every((id, i) => id !== null && id === key.sequence[i])
      );
  }
}
