import { useEffect } from 'react';
import type { Response } from '../../../src/shared/items';
import type { PracticeItemView } from '../../../src/shared/items/package-view';
import { sameResponse } from './answer-model';
import { NextButton, PlayButton, useAnswerReady } from './controls';
import { useCandidate, useCandidateState, usePackage, useUi } from './context';
import { Layout } from './Layout';
import type { InputType, Stage } from './model';
import { CheckIcon, TryAgainIcon, YourTurnIcon } from './pictograms';
import { ProgressPath } from './ProgressPath';
import { sceneSounds, SceneView, soundsOrInstruction } from './SceneView';
import { shownResponse } from './store';
import { usePlayer } from './use-player';

type PracticeStage = Extract<Stage, { kind: 'practice' }>;

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
  const { store } = useCandidate();
  const ui = useUi();
  const response = useCandidateState(shownResponse);
  const ready = useAnswerReady();
  const player = usePlayer();
  const tiles = usePlayer();
  const intro = usePackage().instructions.texts.practice;
  // Without a sound of its own, PLAY repeats the practice instruction.
  const sounds = soundsOrInstruction(sceneSounds(item.opgave, item.id, 'practice'), {
    key: 'practice',
    audio: intro?.audio,
  });
  const showingFeedback = stage.feedback !== null && sameResponse(response, stage.answered);

  useEffect(() => {
    if (!stage.shown) void store.sendOnce({ type: 'practice.shown', itemId: item.id });
  }, [item.id, stage.shown, store]);

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
      void store.send({
        type: 'practice.shown',
        itemId: nextId(store.getState().pkg?.practice ?? [], stage.index),
      });
    }
  };
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

function nextId(practice: PracticeItemView[], index: number): string {
  return practice[index + 1]?.id ?? practice[index]!.id;
}
