import { useEffect, useState } from 'react';
import type { Response } from '../../../src/shared/items';
import type { ItemView } from '../../../src/shared/items/package-view';
import { IdleHint, NextButton, PlayButton, useAnswerReady, WatchAgainButton } from './controls';
import { useCandidate, useCandidateState, usePackage, useUi } from './context';
import { useEffectAfterPaint } from './after-paint';
import { WatchScreen } from './WatchScreen';
import { Layout } from './Layout';
import type { InputType } from './model';
import { YourTurnIcon } from './pictograms';
import { ProgressPath } from './ProgressPath';
import { opensFamily, sceneSounds, SceneView, soundsOrInstruction, withCue } from './SceneView';
import { shownResponse } from './store';
import { useIdleSteps } from './use-idle';
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
  const pkg = usePackage();
  const cue = opensFamily(pkg.items, props.index) ? pkg.instructions.texts.voorbeeld : undefined;

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
      cue={cue ? { key: 'voorbeeld', audio: cue.audio } : null}
      onDemonstrated={() => void store.sendOnce({ type: 'voorbeeld.demonstrated', itemId: item.id })}
    />
  );
}

/**
 * The candidate's turn: the task alone, large, white and framed. No example beside it (seed report 000: the
 * example and the task side by side confused candidates); the eye under PLAY replays the voorbeeld full-screen,
 * with its sound and the hand, and brings the opgave back with the answer so far (it lives in the store and the
 * host, not in this screen). A candidate who touches nothing for a while is shown the eye, later the hand; a
 * long quiet spell is recorded (`candidate.idle`).
 */
export function OpgaveScreen({ item, index, total }: { item: ItemView; index: number; total: number }) {
  const { store, idle } = useCandidate();
  const ui = useUi();
  const response = useCandidateState(shownResponse);
  const ready = useAnswerReady();
  const player = usePlayer();
  // A second player for touched pictures, so their sound does not ring a context picture as PLAY's does.
  const tiles = usePlayer();
  const [watching, setWatching] = useState(false);
  const quiet = useIdleSteps([idle.hintEyeMs, idle.hintHandMs, idle.longIdleMs], watching || player.playing);
  useEffect(() => {
    if (quiet === 3) void store.send({ type: 'candidate.idle', itemId: item.id, idleMs: idle.longIdleMs });
  }, [quiet, item.id, idle.longIdleMs, store]);
  const pkg = usePackage();
  const family = pkg.instructions.texts[`family.${item.family}`];
  const turn = pkg.instructions.texts.opgave;
  // Where the opgave has no sound of its own, PLAY repeats the family's instruction; the family's first opgave
  // says first that it is the candidate's turn.
  const sounds = withCue(
    soundsOrInstruction(sceneSounds(item.opgave, item.id, 'opgave'), {
      key: `family.${item.family}`,
      audio: family?.audio,
    }),
    opensFamily(pkg.items, index) && turn ? { key: 'opgave', audio: turn.audio } : null,
  );
  const change = (next: Response, inputType: InputType) =>
    void store.send({ type: 'answer.changed', itemId: item.id, response: next, inputType });
  const commit = (inputType: InputType) => {
    const answer = shownResponse(store.getState());
    if (answer) void store.send({ type: 'answer.committed', itemId: item.id, response: answer, inputType });
  };
  const progress = <ProgressPath done={index} total={total} />;
  if (watching) {
    return (
      <WatchScreen
        name="voorbeeld"
        itemId={item.id}
        voorbeeld={item.voorbeeld}
        progress={progress}
        ready
        autoPlay
        onDemonstrated={() => setWatching(false)}
      />
    );
  }
  const sounding = player.sounding >= 0 ? (sounds[player.sounding]?.context ?? -1) : -1;
  return (
    <Layout
      name="opgave"
      step={item.id}
      tone="task"
      progress={progress}
      play={
        <PlayButton
          playing={player.playing}
          disabled={sounds.length === 0}
          onPlay={() => void player.play(sounds)}
        />
      }
      watch={
        <WatchAgainButton
          hinting={quiet >= 1}
          onWatch={() => {
            void store.send({ type: 'voorbeeld.replayed', itemId: item.id });
            setWatching(true);
          }}
        />
      }
      hint={quiet >= 1 && <IdleHint step={quiet >= 2 ? 'hand' : 'eye'} />}
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
