import type { EventOf } from './events';
import { accept, reject, type ApplyResult } from './rejections';
import { withCounts, withItem } from './records';
import type { SessionState } from './state';

/**
 * Counts a sound played. Instructions may play whenever the sitting runs (also on the end screen);
 * an item's sound only while that item is on screen, and it is counted on the item's record.
 */
export function applyAudioPlayed(next: SessionState, event: EventOf<'audio.played'>): ApplyResult {
  const source = event.source;
  if (source.kind === 'instruction') return accept(withCounts(next, { audioPlays: 1 }));
  const phase = next.phase;
  if (phase.kind === 'practice') {
    // A practice voorbeeld's sound plays on its screen and again from "watch again" on the opgave.
    const voorbeeldSeen = phase.voorbeeld !== 'none';
    const onPracticeScreen =
      source.kind === 'visual'
        ? phase.shown || voorbeeldSeen
        : source.scene === 'practice'
          ? phase.shown
          : source.scene === 'voorbeeld' && voorbeeldSeen;
    if (onPracticeScreen && source.itemId === phase.itemId)
      return accept(withCounts(next, { audioPlays: 1 }));
  } else if ((phase.kind === 'voorbeeld' && phase.shown) || phase.kind === 'opgave') {
    // The voorbeeld's sound may also play from the opgave's "look" panel; the opgave's only on the opgave.
    const sceneFits =
      source.kind === 'visual' ||
      source.scene === 'voorbeeld' ||
      (source.scene === 'opgave' && phase.kind === 'opgave');
    if (sceneFits && source.itemId === phase.itemId) {
      const played = withItem(next, phase.itemIndex, (record) => ({
        ...record,
        audioPlays: record.audioPlays + 1,
      }));
      return accept(withCounts(played, { audioPlays: 1 }));
    }
  }
  return reject(
    'not-current-item',
    `Geluid van ${source.itemId} (${source.kind === 'prompt' ? source.scene : 'plaatje'}) hoort niet bij het scherm van nu.`,
  );
}
