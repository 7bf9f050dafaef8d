import { useEffect, useRef, useState } from 'react';
import type { Response } from '../../../src/shared/items';
import type { ItemView } from '../../../src/shared/items/package-view';
import { NextButton, PlayButton, useAnswerReady } from './controls';
import { useCandidate, useCandidateState, usePackage, useUi } from './context';
import { useEffectAfterPaint } from './after-paint';
import { useHandDemo } from './hand-demo';
import { WatchScreen } from './WatchScreen';
import { Layout } from './Layout';
import type { InputType } from './model';
import { EyeIcon, YourTurnIcon } from './pictograms';
import { ProgressPath } from './ProgressPath';
import { sceneSounds, SceneView, soundsOrInstruction } from './SceneView';
import { shownResponse } from './store';
import { usePlayer } from './use-player';

/**
 * The scored item's worked example, demonstrated (WatchScreen). Once it has played to the end the host
 * records it and the opgave opens.
 */
export function VoorbeeldScreen(props: {
  item: ItemView;
  index: number;
  total: number;
  shown: boolean;
  demonstrated: boolean;
}) {
  const { item } = props;
  const { store } = useCandidate();

  // "Shown" is recorded once the voorbeeld has been drawn, so its host call does not compete with that frame.
  useEffectAfterPaint(() => {
    if (!props.shown) void store.sendOnce({ type: 'voorbeeld.shown', itemId: item.id });
  }, [item.id, props.shown, store]);
  useEffect(() => {
    if (props.shown && props.demonstrated) void store.sendOnce({ type: 'opgave.shown', itemId: item.id });
  }, [item.id, props.demonstrated, props.shown, store]);

  return (
    <WatchScreen
      name="voorbeeld"
      itemId={item.id}
      voorbeeld={item.voorbeeld}
      progress={<ProgressPath done={props.index} total={props.total} />}
      ready={props.shown}
      onDemonstrated={() => void store.sendOnce({ type: 'voorbeeld.demonstrated', itemId: item.id })}
    />
  );
}

/** The voorbeeld, small and framed, beside the task: look back any time, replay the hand. */
function LookPanel({ item }: { item: ItemView }) {
  const { store, pace } = useCandidate();
  const ui = useUi();
  const stageRef = useRef<HTMLDivElement>(null);
  const player = usePlayer();
  const demo = useHandDemo(
    stageRef,
    item.voorbeeld.interaction,
    item.voorbeeld.answer,
    pace,
    player.say(item.id),
  );
  const [running, setRunning] = useState(false);
  const replay = async () => {
    if (running) return;
    setRunning(true);
    void store.send({ type: 'voorbeeld.replayed', itemId: item.id });
    // Only the pictures' sounds: the voorbeeld's prompt belongs to the voorbeeld screen.
    await player.play(
      sceneSounds(item.voorbeeld, item.id, 'voorbeeld').filter((s) => s.source.kind === 'visual'),
    );
    await demo.run();
    setRunning(false);
  };
  return (
    <section className="look-panel" aria-label={ui('look')}>
      <div className="look-title" aria-hidden="true">
        <EyeIcon />
      </div>
      <div className="look-stage" ref={stageRef}>
        {/* No `onSound`: at this scale its pictures are under 12 mm; replay says their sounds. */}
        <SceneView scene={item.voorbeeld} response={demo.response} className="scene-small" />
        {demo.overlay}
      </div>
      <PlayButton replay playing={running} onPlay={() => void replay()} className="look-replay" />
    </section>
  );
}

/** The candidate's turn: the task is large, white and framed; the voorbeeld is only in the look panel. */
export function OpgaveScreen({ item, index, total }: { item: ItemView; index: number; total: number }) {
  const { store } = useCandidate();
  const ui = useUi();
  const response = useCandidateState(shownResponse);
  const ready = useAnswerReady();
  const player = usePlayer();
  // A second player for touched pictures, so their sound does not ring a context picture as PLAY's does.
  const tiles = usePlayer();
  const family = usePackage().instructions.texts[`family.${item.family}`];
  // Where the opgave has no sound of its own, PLAY repeats the family's instruction.
  const sounds = soundsOrInstruction(sceneSounds(item.opgave, item.id, 'opgave'), {
    key: `family.${item.family}`,
    audio: family?.audio,
  });
  const change = (next: Response, inputType: InputType) =>
    void store.send({ type: 'answer.changed', itemId: item.id, response: next, inputType });
  const commit = (inputType: InputType) => {
    const answer = shownResponse(store.getState());
    if (answer) void store.send({ type: 'answer.committed', itemId: item.id, response: answer, inputType });
  };
  const sounding = player.sounding >= 0 ? (sounds[player.sounding]?.context ?? -1) : -1;
  return (
    <Layout
      name="opgave"
      step={item.id}
      tone="task"
      progress={<ProgressPath done={index} total={total} />}
      play={
        <PlayButton
          playing={player.playing}
          disabled={sounds.length === 0}
          onPlay={() => void player.play(sounds)}
        />
      }
      side={<LookPanel key={item.id} item={item} />}
      next={<NextButton ready={ready} onNext={commit} />}
    >
      <section className="task-frame" aria-label={ui('your-turn')} data-item={item.id}>
        <div className="your-turn-mark" aria-hidden="true">
          <YourTurnIcon />
        </div>
        <SceneView
          scene={item.opgave}
          response={response}
          onChange={change}
          onSound={tiles.say(item.id)}
          sounding={sounding}
        />
      </section>
    </Layout>
  );
}
