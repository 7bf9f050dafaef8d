import { useEffect, useState } from 'react';

const MIN_DIGITS = 5;
const MAX_DIGITS = 6;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The afnemer's PIN pad: large keys for a finger, dots instead of digits, and the physical number keys
 * (Backspace, Enter) for a laptop keyboard. The PIN is never shown and leaves this component only on
 * "Bevestigen"; it is cleared after every attempt so a wrong one is not left on screen.
 */
export function PinPad(props: {
  label: string;
  onSubmit: (pin: string) => void;
  busy?: boolean;
  disabled?: boolean;
  /** Bumped by the parent after an attempt, to clear the pad. */
  resetKey?: number;
  submitLabel?: string;
}) {
  const [pin, setPin] = useState('');
  const locked = props.busy || props.disabled;
  useEffect(() => setPin(''), [props.resetKey]);

  const add = (digit: string) =>
    setPin((current) => (current.length < MAX_DIGITS ? current + digit : current));
  const back = () => setPin((current) => current.slice(0, -1));
  const submit = () => {
    if (locked || pin.length < MIN_DIGITS) return;
    props.onSubmit(pin);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Typing in a field (the afnemer id) is not PIN entry.
      if (locked || event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement)
        return;
      if (/^[0-9]$/.test(event.key)) add(event.key);
      else if (event.key === 'Backspace') back();
      else if (event.key === 'Enter') submit();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="pin-pad" role="group" aria-label={props.label} data-testid="pin-pad">
      <div
        className="pin-dots"
        role="status"
        aria-label={`${pin.length} van ${MAX_DIGITS} cijfers ingevoerd`}
      >
        {Array.from({ length: MAX_DIGITS }, (_, i) => (
          <span key={i} className={`pin-dot${i < pin.length ? ' is-filled' : ''}`} aria-hidden="true" />
        ))}
      </div>
      <div className="pin-keys">
        {KEYS.map((digit) => (
          <button key={digit} type="button" className="pin-key" disabled={locked} onClick={() => add(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="pin-key is-aux" disabled={locked} onClick={() => setPin('')}>
          Wissen
        </button>
        <button type="button" className="pin-key" disabled={locked} onClick={() => add('0')}>
          0
        </button>
        <button
          type="button"
          className="pin-key is-aux"
          aria-label="Laatste cijfer weg"
          disabled={locked}
          onClick={back}
        >
          ⌫
        </button>
      </div>
      <button
        type="button"
        className="console-primary pin-submit"
        disabled={locked || pin.length < MIN_DIGITS}
        onClick={submit}
        data-testid="pin-submit"
      >
        {props.submitLabel ?? 'Bevestigen'}
      </button>
    </div>
  );
}
