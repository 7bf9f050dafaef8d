import { useState, type ReactNode } from 'react';
import type { AbortReason, ChosenPauseReason, EarlyEndReason } from '../../../src/shared/session/event-parts';
import type { SittingOverview } from '../../../src/shared/afnemer';
import { DesignCanvas } from '../../common/DesignCanvas';
import { ChoiceChips, Message } from './ConsoleFrame';
import { ABORT_REASONS, EARLY_END_REASONS, PAUSE_LABEL, PAUSE_REASONS, minutes } from './dutch';
import { PinPad } from './PinPad';
import type { Outcome } from './api';

type Act = Promise<Outcome<SittingOverview>>;

export interface OverlayActions {
  unlock: (pin: string) => Act;
  pause: (pin: string, reason: ChosenPauseReason) => Act;
  resume: (pin: string) => Act;
  abort: (pin: string, reason: AbortReason) => Act;
  endEarly: (pin: string, reason: EarlyEndReason) => Act;
  /** To the close screen (completeness check), with the PIN for "Afsluiten"; once the sitting has ended. */
  toClose: (pin: string, overview: SittingOverview) => void;
  dismiss: () => void;
}

type Step = 'pin' | 'menu' | 'pause' | 'abort' | 'end-early';

/**
 * The afnemer's layer over the running sitting, opened by the gesture. It covers the candidate's screen
 * (which stays mounted underneath and keeps its state) until the afnemer goes back to the candidate.
 * Nothing happens to the sitting before the PIN is accepted; every reason is chosen from a list.
 */
export function AfnemerOverlay(props: {
  actions: OverlayActions;
  /** Where the candidate is and how long they have been quiet (rows of the status list), after the PIN. */
  whereabouts?: ReactNode;
}) {
  const [step, setStep] = useState<Step>('pin');
  // Held in memory only while the overlay is open, so each action after the PIN needs no second entry.
  const [pin, setPin] = useState('');
  const [overview, setOverview] = useState<SittingOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [pauseReason, setPauseReason] = useState<ChosenPauseReason | null>(null);
  const [abortReason, setAbortReason] = useState<AbortReason | null>(null);
  const [earlyReason, setEarlyReason] = useState<EarlyEndReason | null>(null);
  const { actions } = props;

  const run = async (work: Act, then: Step | 'dismiss' | 'close' = 'menu') => {
    setBusy(true);
    const outcome = await work;
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.message);
      // A lock or a refused PIN sends the afnemer back to the pad.
      if (outcome.refusal) setStep('pin');
      return;
    }
    setError(null);
    setOverview(outcome.value);
    if (then === 'dismiss') actions.dismiss();
    else if (then === 'close') actions.toClose(pin, outcome.value);
    else setStep(then);
  };

  const status = overview?.status ?? 'active';
  const ended = status === 'completed' || status === 'aborted';

  return (
    <div
      className="afnemer-overlay"
      data-testid="afnemer-overlay"
      role="dialog"
      aria-modal="true"
      aria-label="Afnemer"
    >
      <DesignCanvas lang="nl" dir="ltr">
        <div className="overlay-card console">
          <h1>Afnemer</h1>
          {step === 'pin' && (
            // Side by side: the message (a lockout can take several lines) never pushes the pad or the way back
            // to the candidate below the edge of a small screen.
            <div className="overlay-pin">
              <div className="overlay-pin-text">
                <p>Voer uw pincode in. Het scherm van de kandidaat blijft zoals het is.</p>
                {error && (
                  <Message tone="error" testId="overlay-error">
                    {error}
                  </Message>
                )}
                <div className="console-actions">
                  <button type="button" className="console-secondary" onClick={actions.dismiss}>
                    Terug naar kandidaat
                  </button>
                </div>
              </div>
              <PinPad
                label="Pincode afnemer"
                busy={busy}
                resetKey={attempt}
                onSubmit={(entered) => {
                  setAttempt((n) => n + 1);
                  setPin(entered);
                  void run(actions.unlock(entered));
                }}
              />
            </div>
          )}
          {step === 'menu' && (
            <>
              <dl className="facts" data-testid="sitting-status">
                <dt>Stand</dt>
                <dd data-status={status}>
                  {status === 'paused'
                    ? `Gepauzeerd: ${overview?.pause ? PAUSE_LABEL[overview.pause.reason] : ''}`
                    : status === 'completed'
                      ? overview?.validity.endedEarly
                        ? 'Vroeg beëindigd'
                        : 'Alle opgaven gemaakt'
                      : status === 'aborted'
                        ? 'Afgebroken'
                        : 'Bezig'}
                </dd>
                {props.whereabouts}
                <dt>Opgaven beantwoord</dt>
                <dd>
                  {overview?.answered ?? 0} van {overview?.itemCount ?? 0}
                </dd>
                <dt>Toetstijd</dt>
                <dd>
                  {minutes(overview?.clock.activeMs ?? 0)} (pauze {minutes(overview?.clock.pausedMs ?? 0)})
                </dd>
              </dl>
              {error && (
                <Message tone="error" testId="overlay-error">
                  {error}
                </Message>
              )}
              <div className="console-actions">
                {ended ? (
                  <button
                    type="button"
                    className="console-primary"
                    onClick={() => overview && actions.toClose(pin, overview)}
                    data-testid="to-close"
                  >
                    Naar afsluiten
                  </button>
                ) : status === 'paused' ? (
                  <button
                    type="button"
                    className="console-primary"
                    disabled={busy}
                    onClick={() => void run(actions.resume(pin), 'dismiss')}
                  >
                    Hervatten
                  </button>
                ) : (
                  <button type="button" className="console-secondary" onClick={() => setStep('pause')}>
                    Pauzeren
                  </button>
                )}
                {!ended && (
                  <button
                    type="button"
                    className="console-secondary"
                    onClick={() => setStep('end-early')}
                    data-testid="to-end-early"
                  >
                    Vroeg beëindigen
                  </button>
                )}
                {!ended && (
                  <button type="button" className="console-danger" onClick={() => setStep('abort')}>
                    Afbreken
                  </button>
                )}
                {!ended && (
                  <button type="button" className="console-secondary" onClick={actions.dismiss}>
                    Terug naar kandidaat
                  </button>
                )}
              </div>
            </>
          )}
          {step === 'pause' && (
            <ReasonStep
              question="Waarom pauzeert u? De toetstijd stopt tijdens de pauze."
              label="Reden voor de pauze"
              options={PAUSE_REASONS}
              value={pauseReason}
              onChange={setPauseReason}
              testId="pause-reasons"
              confirm="Pauze starten"
              tone="console-primary"
              busy={busy}
              error={error}
              onBack={() => setStep('menu')}
              onConfirm={(reason) => void run(actions.pause(pin, reason))}
            />
          )}
          {step === 'abort' && (
            <ReasonStep
              question="Waarom breekt u de toets af? Het resultaat wordt als afgebroken verstuurd."
              label="Reden voor afbreken"
              options={ABORT_REASONS}
              value={abortReason}
              onChange={setAbortReason}
              testId="abort-reasons"
              confirm="Toets afbreken"
              tone="console-danger"
              busy={busy}
              error={error}
              onBack={() => setStep('menu')}
              onConfirm={(reason) => void run(actions.abort(pin, reason), 'close')}
            />
          )}
          {step === 'end-early' && (
            <ReasonStep
              question="Vroeg beëindigen? Het resultaat telt: de opgaven die nog open zijn, tellen als niet beantwoord."
              label="Reden voor vroeg beëindigen"
              options={EARLY_END_REASONS}
              value={earlyReason}
              onChange={setEarlyReason}
              testId="early-end-reasons"
              confirm="Toets beëindigen"
              tone="console-primary"
              busy={busy}
              error={error}
              onBack={() => {
                setError(null);
                setStep('menu');
              }}
              onConfirm={(reason) => void run(actions.endEarly(pin, reason), 'close')}
            />
          )}
        </div>
      </DesignCanvas>
    </div>
  );
}

/**
 * Pausing and stopping both ask for a reason from a fixed list before anything happens, so the record
 * never holds free text and the two screens look and behave the same.
 */
function ReasonStep<T extends string>(props: {
  question: string;
  label: string;
  options: readonly (readonly [T, string])[];
  value: T | null;
  onChange: (value: T) => void;
  testId: string;
  confirm: string;
  tone: 'console-primary' | 'console-danger';
  busy: boolean;
  error: string | null;
  onBack: () => void;
  onConfirm: (reason: T) => void;
}) {
  const { value } = props;
  return (
    <>
      <h2>{props.question}</h2>
      <ChoiceChips
        label={props.label}
        options={props.options}
        value={value}
        onChange={props.onChange}
        testId={props.testId}
      />
      {props.error && <Message tone="error">{props.error}</Message>}
      <div className="console-actions">
        <button type="button" className="console-secondary is-start" onClick={props.onBack}>
          Terug
        </button>
        <button
          type="button"
          className={props.tone}
          disabled={!value || props.busy}
          onClick={() => value && props.onConfirm(value)}
        >
          {props.confirm}
        </button>
      </div>
    </>
  );
}
