import type { ReactNode } from 'react';
import '../../common/fonts';
import { DesignCanvas } from '../../common/DesignCanvas';
import './console.css';
import './console-screens.css';

/**
 * Every console screen: the design canvas (scaled, never scrolling), a dark header naming the screen and
 * the signed-in afnemer, and the screen's body. `data-console-screen` names the screen for tests.
 */
export function ConsoleFrame(props: {
  screen: string;
  title: string;
  who?: string | null;
  onSignOut?: () => void;
  children: ReactNode;
}) {
  return (
    <DesignCanvas lang="nl" dir="ltr">
      <div className="console" data-console-screen={props.screen}>
        <header className="console-header">
          <span className="console-brand">LBT · Afnemer</span>
          <span className="console-title">{props.title}</span>
          {props.who && <span className="console-who">{props.who}</span>}
          {props.onSignOut && (
            <button type="button" onClick={props.onSignOut}>
              Afmelden
            </button>
          )}
        </header>
        <main className="console-body" aria-label={props.title}>
          {props.children}
        </main>
      </div>
    </DesignCanvas>
  );
}

/** A row of large toggles for one question: exactly one choice, never typed. */
export function ChoiceChips<T extends string>(props: {
  label: string;
  options: readonly (readonly [T, string])[];
  value: T | null;
  onChange: (value: T) => void;
  testId?: string;
}) {
  return (
    <div className="chips" role="radiogroup" aria-label={props.label} data-testid={props.testId}>
      {props.options.map(([value, label]) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={props.value === value}
          className="chip"
          data-value={value}
          onClick={() => props.onChange(value)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/** A calm message box; `role=alert` for a refusal the afnemer must read. */
export function Message(props: {
  tone: 'info' | 'ok' | 'warn' | 'error';
  children: ReactNode;
  testId?: string;
}) {
  return (
    <p
      className={`console-message is-${props.tone}`}
      role={props.tone === 'error' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      {props.children}
    </p>
  );
}
