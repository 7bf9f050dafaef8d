import { useEffect } from 'react';
import type { FamilyId, InstructionKey } from '../../../src/shared/items';
import { NextButton, PlayButton, TouchButton } from './controls';
import { useCandidate, useCandidateState, usePackage, useUi } from './context';
import { Layout } from './Layout';
import { arriveAt } from './model';
import {
  CallAfnemerIcon,
  EyeIcon,
  FinishedIcon,
  NextIcon,
  PausedIcon,
  ReplayIcon,
  WelcomeIcon,
  YourTurnIcon,
} from './pictograms';
import { usePlayer } from './use-player';

/** PLAY for a spoken instruction; where the language has no voice it stays on screen, inactive. */
export function InstructionPlay({ keys }: { keys: InstructionKey[] }) {
  const { instructions } = usePackage();
  const player = usePlayer();
  const sounds = keys.flatMap((key) => {
    const audio = instructions.texts[key]?.audio;
    return audio ? [{ path: audio, source: { kind: 'instruction' as const, key } }] : [];
  });
  return (
    <PlayButton
      playing={player.playing}
      disabled={sounds.length === 0}
      onPlay={() => void player.play(sounds)}
    />
  );
}

export function InstructionText({ k, heading = true }: { k: InstructionKey; heading?: boolean }) {
  const { instructions } = usePackage();
  const text = instructions.texts[k]?.text ?? '';
  return heading ? <h1 className="instruction-text">{text}</h1> : <p className="instruction-text">{text}</p>;
}

export function WelcomeScreen() {
  const { store } = useCandidate();
  const { practice } = usePackage();
  return (
    <Layout
      name="welcome"
      play={<InstructionPlay keys={['welcome', 'practice']} />}
      next={<NextButton ready onNext={() => void store.send(arriveAt(practice[0]!))} />}
    >
      <div className="big-picture">
        <WelcomeIcon />
      </div>
      <InstructionText k="welcome" />
    </Layout>
  );
}

/** After the practice round: practise again (the afnemer may help here) or begin the test. */
export function PracticeDoneScreen() {
  const { store } = useCandidate();
  const ui = useUi();
  return (
    <Layout
      name="practice-done"
      play={<InstructionPlay keys={['practice.again', 'test.start']} />}
      next={<NextButton ready onNext={() => void store.send({ type: 'practice.finished' })} />}
    >
      <InstructionText k="test.start" />
      <div className="choice-pair">
        <TouchButton
          label={ui('replay')}
          className="big-choice"
          testId="practice-again"
          onActivate={() => {
            store.setState({ practiceDraft: null });
            void store.send({ type: 'practice.restarted' });
          }}
        >
          <ReplayIcon />
        </TouchButton>
      </div>
    </Layout>
  );
}

/** Before a family's first voorbeeld: its spoken instruction, and the pictograms "watch, then you". */
export function FamilyInstructionScreen(props: { family: FamilyId; itemIndex: number; shown: boolean }) {
  const { store } = useCandidate();
  const { items } = usePackage();
  const key = `family.${props.family}` as InstructionKey;
  useEffect(() => {
    if (!props.shown) void store.sendOnce({ type: 'family.instruction-shown', family: props.family });
  }, [props.family, props.shown, store]);
  return (
    <Layout
      name="family-instruction"
      step={props.family}
      play={<InstructionPlay keys={[key]} />}
      next={
        <NextButton
          ready={props.shown}
          onNext={() => void store.send({ type: 'voorbeeld.shown', itemId: items[props.itemIndex]!.id })}
        />
      }
    >
      <div className="watch-then-you" aria-hidden="true">
        <EyeIcon />
        <NextIcon />
        <YourTurnIcon />
      </div>
      <InstructionText k={key} />
    </Layout>
  );
}

/**
 * The end of the sitting, after every opgave or when the afnemer ended it another way: the same calm screen
 * either way (done, then call the afnemer, on warm green; the spoken end). Only a full run records the end.
 */
export function EndScreen({ name = 'end' }: { name?: 'end' | 'closed' }) {
  const ui = useUi();
  const { store } = useCandidate();
  const status = useCandidateState((s) => s.session?.status);
  useEffect(() => {
    // Every opgave has its answer: record the end, so the afnemer console can close the sitting.
    if (name === 'end' && status === 'active') void store.sendOnce({ type: 'session.completed' });
  }, [name, status, store]);
  return (
    <Layout name={name} tone="done" play={<InstructionPlay keys={['end']} />}>
      <div className="watch-then-you done-picture" aria-hidden="true">
        <FinishedIcon />
        <NextIcon />
        <CallAfnemerIcon />
      </div>
      <h1 className="instruction-text">{ui('call-afnemer')}</h1>
      <InstructionText k="end" heading={false} />
    </Layout>
  );
}

/**
 * Paused by the afnemer or by the host (focus lost, a restart): the test waits. A pause sign on cool grey-blue,
 * unlike the end's check on green, so nobody takes a pause for the end; the pause instruction is shown and spoken.
 */
export function PauseScreen() {
  return (
    <Layout name="paused" tone="paused" play={<InstructionPlay keys={['pause']} />}>
      <div className="big-picture paused-picture">
        <PausedIcon />
      </div>
      <InstructionText k="pause" />
    </Layout>
  );
}
