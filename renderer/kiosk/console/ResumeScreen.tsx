import { useState } from 'react';
import type { SittingOverview } from '../../../src/shared/afnemer';
import { ConsoleFrame, Message } from './ConsoleFrame';
import { PinPad } from './PinPad';

/** Resuming a sitting the host held after a crash: the PIN, then the candidate is back where they were. */
export function ResumeScreen(props: {
  who: string;
  sitting: SittingOverview;
  onResume: (pin: string) => Promise<string | null>;
  onBack: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { sitting } = props;
  return (
    <ConsoleFrame screen="resume" title="Sessie hervatten" who={props.who}>
      <div className="console-columns login-columns">
        <section className="console-panel" aria-labelledby="resume-title">
          <h1 id="resume-title">Sessie van {sitting.candidateRef} hervatten</h1>
          <p>
            De toets gaat verder waar hij stopte: {sitting.answered} van {sitting.itemCount} opgaven zijn
            beantwoord en blijven bewaard. De tijd dat de kiosk uit stond telt niet als toetstijd.
          </p>
          <p>Geef de kandidaat de laptop pas terug als de toets weer op het scherm staat.</p>
          {error && (
            <Message tone="error" testId="resume-error">
              {error}
            </Message>
          )}
          <div className="console-actions">
            <button type="button" className="console-secondary is-start" onClick={props.onBack}>
              Terug
            </button>
          </div>
        </section>
        <section className="console-panel pin-panel" aria-label="Pincode">
          <PinPad
            label="Pincode om te hervatten"
            busy={busy}
            resetKey={attempt}
            submitLabel="Hervatten"
            onSubmit={(pin) => {
              setBusy(true);
              void props.onResume(pin).then((refusal) => {
                setBusy(false);
                setAttempt((n) => n + 1);
                setError(refusal);
              });
            }}
          />
        </section>
      </div>
    </ConsoleFrame>
  );
}
