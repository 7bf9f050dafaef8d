import { useCallback, useEffect, useState } from 'react';
import type { Visual } from '../../../src/shared/items';
import type { AudioSource } from '../../../src/shared/session/event-parts';
import { playSequence, stopAudio } from './audio';
import { useCandidate } from './context';

export interface Sound {
  path: string;
  source: AudioSource;
}

/**
 * Plays package sounds on a tap, records each start as an `audio.played` event, and says which entry is
 * sounding so the screen can ring its picture.
 */
export function usePlayer() {
  const { port, store, pace } = useCandidate();
  const [sounding, setSounding] = useState<number | null>(null);
  useEffect(() => stopAudio, []);
  const play = useCallback(
    async (sounds: Sound[]) => {
      if (sounds.length === 0) return;
      setSounding(0);
      await playSequence(
        sounds.map((sound) => port.assetUrl(sound.path)),
        pace === 'normal',
        (index) => {
          setSounding(index < 0 ? null : index);
          const sound = sounds[index];
          if (sound) void store.send({ type: 'audio.played', source: sound.source });
        },
      );
    },
    [pace, port, store],
  );
  /** The sound of one touched picture of item `itemId`; resolves when it has been played (see `play`). */
  const say = useCallback(
    (itemId: string) =>
      async (visual: Visual): Promise<void> => {
        if (visual.audio)
          await play([{ path: visual.audio, source: { kind: 'visual', itemId, visualId: visual.id } }]);
      },
    [play],
  );
  return { play, say, playing: sounding !== null, sounding: sounding ?? -1 };
}
