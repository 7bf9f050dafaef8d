import { useRef, useState } from 'react';
import type { CheckOutcome } from '../../../src/shared/device';

const TONE_HZ = 440;
const TONE_SECONDS = 1.5;

/** A tone made on the spot with the Web Audio API: no file to load, so only the speakers are tested. */
async function playTone(context: AudioContext): Promise<void> {
  await context.resume();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = TONE_HZ;
  // Fade in and out so the tone does not click.
  const start = context.currentTime;
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(0.3, start + 0.05);
  gain.gain.linearRampToValueAtTime(0, start + TONE_SECONDS);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(start + TONE_SECONDS);
}

/** The afnemer plays a tone and says whether it was heard at a normal volume. */
export function AudioTest({
  onResult,
  headphones = false,
}: {
  onResult: (outcome: CheckOutcome) => void;
  /** A group room: the tone must be heard through the headphones, not the speakers. */
  headphones?: boolean;
}) {
  const context = useRef<AudioContext | null>(null);
  const [played, setPlayed] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const play = async () => {
    try {
      context.current ??= new AudioContext();
      await playTone(context.current);
      setPlayed(true);
      setError(null);
    } catch {
      setError('De toon kon niet worden afgespeeld: er is geen geluidsuitvoer beschikbaar.');
    }
  };

  const answer = (heard: boolean) =>
    onResult({
      status: heard ? 'passed' : 'failed',
      at: new Date().toISOString(),
      detail: `Toon van ${TONE_HZ} Hz ${heard ? '' : 'niet '}gehoord${headphones ? ' in de koptelefoon' : ''}.`,
    });

  return (
    <div className="audio-test">
      <p data-testid="audio-instruction">
        {headphones
          ? 'Sluit de koptelefoon aan, zet hem op en speel de toon af: hij moet in de koptelefoon klinken.'
          : 'Zet het geluid op een normale sterkte en speel de toon af.'}
      </p>
      <button type="button" onClick={() => void play()} data-testid="audio-play">
        Speel toon
      </button>
      {error && <p role="alert">{error}</p>}
      <span className="dc-question">Hoorde u de toon?</span>
      <button type="button" disabled={!played} onClick={() => answer(true)} data-testid="audio-heard">
        Ja, gehoord
      </button>
      <button type="button" disabled={!played} onClick={() => answer(false)} data-testid="audio-not-heard">
        Nee, niet gehoord
      </button>
    </div>
  );
}
