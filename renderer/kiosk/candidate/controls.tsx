import { useRef, useState, type ReactNode } from 'react';
import { EyeIcon, HandIcon, NextIcon, PlayIcon, ReplayIcon } from './pictograms';
import { advancePending, shownResponse } from './store';
import { useCandidate, useCandidateState, useUi } from './context';
import { isComplete } from '../../../src/shared/session/response-fit';
import type { InputType } from './model';

/** The pointer's type for an event; a key press (no pointer) counts as `mouse` (see model.ts). */
export function inputTypeOf(event: { nativeEvent: Event }): InputType {
  const type = (event.nativeEvent as PointerEvent).pointerType;
  return type === 'touch' || type === 'pen' ? type : 'mouse';
}

/**
 * A button that shows it was touched the instant the finger lands (pointerdown), and acts when the finger
 * lifts inside it (pointerup), not on the synthesised click: Chromium drops that click when it takes a
 * tap for the end of a fling after a quick drag, and a lost tap is exactly what candidates must never
 * meet. A key press (click with detail 0) acts too.
 */
export function TouchButton(props: {
  label: string;
  className: string;
  onActivate: (inputType: InputType) => void;
  disabled?: boolean;
  pressed?: boolean;
  children: ReactNode;
  testId?: string;
}) {
  const [down, setDown] = useState(false);
  const pressedBy = useRef<number | null>(null);
  return (
    <button
      type="button"
      aria-label={props.label}
      aria-pressed={props.pressed}
      data-testid={props.testId}
      disabled={props.disabled}
      className={`${props.className}${down ? ' is-down' : ''}`}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        pressedBy.current = event.pointerId;
        setDown(true);
      }}
      onPointerUp={(event) => {
        setDown(false);
        if (pressedBy.current !== event.pointerId) return;
        pressedBy.current = null;
        const box = event.currentTarget.getBoundingClientRect();
        const inside =
          event.clientX >= box.left &&
          event.clientX <= box.right &&
          event.clientY >= box.top &&
          event.clientY <= box.bottom;
        if (inside && !props.disabled) props.onActivate(inputTypeOf(event));
      }}
      onPointerCancel={() => {
        pressedBy.current = null;
        setDown(false);
      }}
      onPointerLeave={() => setDown(false)}
      onClick={(event) => {
        if (event.detail === 0 && !props.disabled) props.onActivate('mouse');
      }}
    >
      {props.children}
    </button>
  );
}

/**
 * The large PLAY control. It is always on screen; audio starts only when it is tapped. `inviting`: the
 * candidate has not touched it for a while, so it pulses gently (help before panic).
 */
export function PlayButton(props: {
  onPlay: (inputType: InputType) => void;
  playing: boolean;
  replay?: boolean;
  disabled?: boolean;
  inviting?: boolean;
  className?: string;
}) {
  const ui = useUi();
  const inviting = props.inviting === true && !props.playing && !props.disabled;
  return (
    <TouchButton
      label={ui(props.replay ? 'replay' : 'play')}
      className={`play-button${props.playing ? ' is-playing' : ''}${inviting ? ' is-inviting' : ''} ${props.className ?? ''}`}
      onActivate={props.onPlay}
      disabled={props.disabled}
      testId="play"
    >
      {props.replay ? <ReplayIcon /> : <PlayIcon />}
    </TouchButton>
  );
}

/**
 * "Volgende": large, always in the same corner, enabled only when `ready`, and deaf to a second tap
 * while the host is still handling the first.
 */
export function NextButton(props: { ready: boolean; onNext: (inputType: InputType) => void }) {
  const ui = useUi();
  const { store } = useCandidate();
  const busy = useCandidateState(advancePending);
  return (
    <TouchButton
      label={ui('next')}
      className="next-button"
      disabled={!props.ready || busy}
      testId="next"
      onActivate={(inputType) => {
        // Read the store directly: a double tap can land before React re-renders the disabled state.
        if (advancePending(store.getState())) return;
        props.onNext(inputType);
      }}
    >
      <NextIcon />
    </TouchButton>
  );
}

/** "Volgende" for an answer screen: ready once the shown answer is complete. */
export function useAnswerReady(): boolean {
  return useCandidateState((state) => isComplete(shownResponse(state)));
}

/**
 * The eye: watch the voorbeeld again, full-screen with its sound and the hand, then come back to the same
 * answer. In the same place on every opgave (practice and scored) that has a voorbeeld.
 */
export function WatchAgainButton(props: { onWatch: () => void; hinting?: boolean }) {
  const ui = useUi();
  return (
    <TouchButton
      label={ui('look')}
      className={`watch-again-button${props.hinting ? ' is-hinting' : ''}`}
      testId="watch-again"
      onActivate={props.onWatch}
    >
      <EyeIcon />
    </TouchButton>
  );
}

/**
 * Help for a candidate who has touched nothing on an opgave for a while: first the eye, pointing up at
 * "watch again"; later the hand, pointing at the task ("now you"). A picture only, never a sound or a word.
 */
export function IdleHint({ step }: { step: 'eye' | 'hand' }) {
  return (
    <div className={`idle-hint idle-hint-${step}`} data-hint={step} aria-hidden="true">
      <span className="idle-hint-arrow" />
      {step === 'eye' ? <EyeIcon /> : <HandIcon />}
    </div>
  );
}
