import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { InstructionKey, Response, Scene, Visual } from '../../../src/shared/items';
import { NextButton, PlayButton } from './controls';
import { useCandidate, useUi } from './context';
import { useHandDemo } from './hand-demo';
import { Layout } from './Layout';
import { EyeIcon } from './pictograms';
import { sceneSounds, SceneView, withCue } from './SceneView';
import { useIdleSteps } from './use-idle';
import { usePlayer } from './use-player';

const HOLD_MS = 1200;

/**
 * A voorbeeld, full-screen: a tap on PLAY plays its sounds (ringing each picture) and then the hand gives the
 * answer; `onDemonstrated` follows once it has played to the end. Scored items and practice items show their
 * voorbeeld with this one screen, so the candidate practises exactly what the test will show.
 */
export function WatchScreen(props: {
  /** `voorbeeld` or `practice-voorbeeld`: the screen's name for tests and benchmarks. */
  name: string;
  itemId: string;
  voorbeeld: Scene & { answer: Response };
  progress: ReactNode;
  /** The host has recorded the screen as shown; until then PLAY waits. */
  ready: boolean;
  /** Start at once, without waiting for PLAY ("watch again" on the opgave). */
  autoPlay?: boolean;
  /** Spoken before the scene's sounds on PLAY (where a family or practice begins; withCue). Not on a replay. */
  cue?: { key: InstructionKey; audio: string | null | undefined } | null;
  onDemonstrated: () => void;
}) {
  const { itemId, voorbeeld } = props;
  const { pace, idle } = useCandidate();
  const ui = useUi();
  const stageRef = useRef<HTMLDivElement>(null);
  const tiles = usePlayer();
  const demo = useHandDemo(stageRef, voorbeeld.interaction, voorbeeld.answer, pace, tiles.say(itemId));
  const player = usePlayer();
  const [running, setRunning] = useState(false);
  const [started, setStarted] = useState(false);
  const runningRef = useRef(false);
  const sounds = withCue(
    sceneSounds(voorbeeld, itemId, 'voorbeeld'),
    props.autoPlay ? null : (props.cue ?? null),
  );
  // Help before panic: PLAY pulses gently when nothing has been touched for a few seconds.
  const inviting = useIdleSteps([idle.playPulseMs], started || !props.ready || props.autoPlay === true) > 0;

  const play = async () => {
    // A ref as well as state: a second tap (or an effect run twice) can come before React re-renders.
    if (runningRef.current || !props.ready) return;
    runningRef.current = true;
    setRunning(true);
    setStarted(true);
    await player.play(sounds);
    await demo.run();
    // Let the finished example stand for a moment before the next screen replaces it.
    await new Promise((resolve) => setTimeout(resolve, pace === 'fast' ? 0 : HOLD_MS));
    runningRef.current = false;
    setRunning(false);
    props.onDemonstrated();
  };
  const autoPlay = props.autoPlay === true && props.ready;
  useEffect(() => {
    if (autoPlay) void play();
    // Only on arriving (`play` is a new function every render); the ref keeps a second run out.
  }, [autoPlay]);
  const sounding = player.sounding >= 0 ? (sounds[player.sounding]?.context ?? -1) : -1;
  // The candidate may listen to a picture before PLAY, but not cut into the demonstration's sounds; and not before
  // the host has recorded the screen as shown, which would refuse the sound's event.
  const say = tiles.say(itemId);
  const listen = (visual: Visual) => {
    if (!running && props.ready) void say(visual);
  };

  return (
    <Layout
      name={props.name}
      step={itemId}
      tone="watch"
      progress={props.progress}
      play={
        <PlayButton
          playing={running}
          disabled={!props.ready}
          inviting={inviting}
          onPlay={() => void play()}
        />
      }
      next={<NextButton ready={false} onNext={() => undefined} />}
    >
      <div className="watch-banner" role="img" aria-label={ui('look')}>
        <EyeIcon />
      </div>
      <div className="demo-stage" ref={stageRef} data-item={itemId}>
        <SceneView
          scene={voorbeeld}
          response={started ? demo.response : null}
          onSound={listen}
          sounding={sounding}
        />
        {demo.overlay}
      </div>
    </Layout>
  );
}
