import { useState } from 'react';
import type { AfnemerRefusal } from '../../../src/shared/afnemer/refusals';
import { AfnemerId } from '../../../src/shared/results-service/roster';
import { ConsoleFrame, Message } from './ConsoleFrame';
import { KioskInfo } from './KioskInfo';
import { PinPad } from './PinPad';

/**
 * Login: the afnemer's id (as on the certificate) and the PIN, checked by the host against the signed
 * roster cached on the kiosk; works without network. Every refusal is the host's own Dutch sentence
 * (unknown id, wrong PIN with the attempts left, locked until a time, certificate expired on a date).
 */
export function LoginScreen(props: {
  login: (afnemerId: string, pin: string) => Promise<AfnemerRefusal | string | null>;
  notice?: string | null;
}) {
  const [afnemerId, setAfnemerId] = useState('');
  const [refusal, setRefusal] = useState<AfnemerRefusal | string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const idOk = AfnemerId.safeParse(afnemerId).success;

  const submit = async (pin: string) => {
    setBusy(true);
    const answer = await props.login(AfnemerId.parse(afnemerId), pin);
    setBusy(false);
    setAttempt((n) => n + 1);
    setRefusal(answer);
  };

  const message = typeof refusal === 'string' ? refusal : refusal?.message;
  return (
    <ConsoleFrame screen="login" title="Inloggen">
      <div className="console-columns login-columns">
        <section className="console-panel" aria-labelledby="login-title">
          <h1 id="login-title">Inloggen als toetsafnemer</h1>
          <p>Vul uw afnemernummer in en daarna uw pincode. Inloggen werkt ook zonder netwerk.</p>
          <label className="field-label" htmlFor="afnemer-id">
            Afnemernummer
          </label>
          <input
            id="afnemer-id"
            className="text-field"
            value={afnemerId}
            autoComplete="off"
            spellCheck={false}
            inputMode="text"
            maxLength={14}
            aria-invalid={afnemerId !== '' && !idOk}
            aria-describedby="afnemer-id-hint"
            onChange={(event) => {
              setAfnemerId(event.target.value.toUpperCase().replace(/\s/g, ''));
              setRefusal(null);
            }}
            data-testid="afnemer-id"
          />
          <p id="afnemer-id-hint" className="field-hint">
            Zoals op uw certificaat, bijvoorbeeld AFN-20417.
          </p>
          {props.notice && <Message tone="info">{props.notice}</Message>}
          {message && (
            <Message tone="error" testId="login-refusal">
              {message}
            </Message>
          )}
          <KioskInfo />
        </section>
        <section className="console-panel pin-panel" aria-label="Pincode">
          <PinPadFor disabled={!idOk} busy={busy} attempt={attempt} onSubmit={(pin) => void submit(pin)} />
        </section>
      </div>
    </ConsoleFrame>
  );
}

function PinPadFor(props: {
  disabled: boolean;
  busy: boolean;
  attempt: number;
  onSubmit: (pin: string) => void;
}) {
  return (
    <PinPad
      label="Pincode"
      disabled={props.disabled}
      busy={props.busy}
      resetKey={props.attempt}
      submitLabel="Inloggen"
      onSubmit={props.onSubmit}
    />
  );
}
