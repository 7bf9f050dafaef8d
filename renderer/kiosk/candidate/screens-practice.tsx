import { useEffect, useState } from 'react';
import type { Response } from '../../../src/shared/items';
import type { PracticeItemView } from '../../../src/shared/items/package-view';
import { sameResponse } from './answer-model';
import { IdleHint, NextButton, PlayButton, useAnswerReady, WatchAgainButton } from './controls';
import { useCandidate, useCandidateState, usePackage, useUi } from './context';
import { Layout } from './Layout';
import { useEffectAfterPaint } from './after-paint';
import { arriveAt, type InputType, type Stage } from './model';
import { CheckIcon, TryAgainIcon, YourTurnIcon } from './pictograms';
import { ProgressPath } from './ProgressPath';
import { sceneSounds, SceneView, soundsOrInstruction, withCue } from './SceneView';
import { shownResponse } from './store';
import { useIdleSteps } from './use-idle';
import { usePlayer } from './use-player';
import { WatchScreen } from './WatchScreen';

type PracticeStage = Extract<Stage, { kind: 'practice' }>;

/**
 * The screen of one practice step, on the kiosk and in the phone practice app alike: an item with a voorbeeld shows
 * it (watch first) until its opgave has been recorded as shown, then the practice opgave.
 */
export function PracticeStepScreen({
  items,
  stage,
}: {
  items: readonly PracticeItemView[];
  stage: PracticeStage;
}) {
  const item = items[stage.index]!;
  if (item.voorbeeld && !stage.shown)
    return (
      <PracticeVoorbeeldScreen key={`${item.id}:voorbeeld`} item={item} stage={stage} total={items.length} />
    );
  return <PracticeScreen key={item.id} item={item} stage={stage} total={items.length} />;
}

/**
 * A practice item's voorbeeld, as the scored items show theirs: PLAY, the hand demonstrates, and then the
 * practice opgave opens. The host records each step, so a reload comes back to this screen or to the opgave.
 */
export function PracticeVoorbeeldScreen({
  item,
  stage,
  total,
}: {
  item: PracticeItemView;
  stage: PracticeStage;
  total: number;
}) {
  const { store } = useCandidate();
  const { texts } = usePackage().instructions;
  // Normally the previous screen opened it (arriveAt); a restarted round arrives here unrecorded.
  useEffectAfterPaint(() => {
    if (stage.voorbeeld === 'none') void store.sendOnce(arriveAt(item));
  }, [item, stage.voorbeeld, store]);
  useEffect(() => {
    if (stage.voorbeeld === 'demonstrated') void store.sendOnce({ type: 'practice.shown', itemId: item.id });
  }, [item.id, stage.voorbeeld, store]);
  return (
    <WatchScreen
      name="practice-voorbeeld"
      itemId={item.id}
      voorbeeld={item.voorbeeld!}
      progress={<ProgressPath done={stage.index} total={total} />}
      ready={stage.voorbeeld !== 'none'}
      cue={stage.index === 0 ? { key: 'voorbeeld', audio: texts.voorbeeld?.audio } : null}
      onDemonstrated={() => void store.sendOnce({ type: 'practice.voorbeeld-demonstrated', itemId: item.id })}
    />
  );
}

/**
 * A practice item: the candidate answers, "volgende" sends it, and gentle feedback follows (a check, or a
 * soft "try again" circle; never a cross, never a score). Changing the answer hides the feedback and
 * "volgende" tries again; "volgende" on the feedback goes on.
 */
export function PracticeScreen({
  item,
  stage,
  total,
}: {
  item: PracticeItemView;
  stage: PracticeStage;
  total: number;
}) {
  const { store, idle } = useCandidate();
  const ui = useUi();
  const response = useCandidateState(shownResponse);
  const ready = useAnswerReady();
  const player = usePlayer();
  const tiles = usePlayer();
  const { texts } = usePackage().instructions;
  // Without a sound of its own, PLAY repeats the practice instruction; the first practice opgave says first that
  // it is the candidate's turn.
  const sounds = withCue(
    soundsOrInstruction(sceneSounds(item.opgave, item.id, 'practice'), {
      key: 'practice',
      audio: texts.practice?.audio,
    }),
    stage.index === 0 ? { key: 'opgave', audio: texts.opgave?.audio } : null,
  );
  const showingFeedback = stage.feedback !== null && sameResponse(response, stage.answered);
  // "Watch again" shows the voorbeeld full-screen; the answer so far stays in the draft meanwhile.
  const [watching, setWatching] = useState(false);
  // The same help as on a scored opgave; practice is not scored, so a quiet spell here is not recorded.
  const quiet = useIdleSteps([idle.hintEyeMs, idle.hintHandMs], watching || player.playing);

  useEffect(() => {
    if (!stage.shown) void store.sendOnce(arriveAt(item));
  }, [item, stage.shown, store]);

  const change = (next: Response) => store.setState({ practiceDraft: { itemId: item.id, response: next } });
  const next = (inputType: InputType) => {
    const answer = shownResponse(store.getState());
    if (!answer) return;
    if (!showingFeedback) {
      void store.send({ type: 'practice.answered', itemId: item.id, response: answer, inputType });
      return;
    }
    store.setState({ practiceDraft: null });
    if (stage.last) {
      const round = store.getState().session?.counts.practiceRounds ?? null;
      store.setState({ flags: { ...store.getState().flags, practiceDoneRound: round } });
    } else {
      const practice = store.getState().pkg?.practice ?? [];
      void store.send(arriveAt(practice[stage.index + 1] ?? item));
    }
  };
  if (watching && item.voorbeeld) {
    return (
      <WatchScreen
        name="practice-voorbeeld"
        itemId={item.id}
        voorbeeld={item.voorbeeld}
        progress={<ProgressPath done={stage.index} total={total} />}
        ready
        autoPlay
        onDemonstrated={() => setWatching(false)}
      />
    );
  }
  return (
    <Layout
      name="practice"
      step={item.id}
      tone="task"
      progress={<ProgressPath done={stage.index} total={total} />}
      play={
        <PlayButton
          playing={player.playing}
          disabled={sounds.length === 0}
          onPlay={() => void player.play(sounds)}
        />
      }
      watch={
        item.voorbeeld && (
          <WatchAgainButton
            hinting={quiet >= 1}
            onWatch={() => {
              void store.send({ type: 'practice.voorbeeld-replayed', itemId: item.id });
              setWatching(true);
            }}
          />
        )
      }
      hint={item.voorbeeld && quiet >= 1 && <IdleHint step={quiet >= 2 ? 'hand' : 'eye'} />}
      next={<NextButton ready={ready} onNext={next} />}
    >
      <section className="task-frame" aria-label={ui('your-turn')} data-item={item.id}>
        <div className="your-turn-mark" aria-hidden="true">
          <YourTurnIcon />
        </div>
        <SceneView
          scene={item.opgave}
          response={response}
          onChange={(r) => change(r)}
          onSound={tiles.say(item.id)}
          sounding={sounds[player.sounding]?.context ?? -1}
        />
        {showingFeedback && (
          <div
            className={`feedback feedback-${stage.feedback}`}
            role="status"
            aria-label={ui(stage.feedback === 'correct' ? 'correct' : 'try-again')}
            data-testid="feedback"
            data-feedback={stage.feedback}
          >
            {stage.feedback === 'correct' ? <CheckIcon /> : <TryAgainIcon />}
            <span className="feedback-text">
              {ui(stage.feedback === 'correct' ? 'correct' : 'try-again')}
            </span>
          </div>
        )}
      </section>
    </Layout>
  );
}
