import { useEffect, useState } from 'react';
import type { AfnemerStatus, OpenSessionsResponse, SittingOverview } from '../../../src/shared/afnemer';
import type { OutboxView } from '../../../src/shared/results-service/outbox';
import { ConsoleFrame, Message } from './ConsoleFrame';
import { dutchDate, dutchTime } from './dutch';

function whereItStands(sitting: SittingOverview): string {
  if (sitting.phase === 'opgave' || sitting.phase === 'voorbeeld')
    return `bij opgave ${(sitting.itemIndex ?? 0) + 1} van ${sitting.itemCount}`;
  if (sitting.phase === 'end') return 'alle opgaven gemaakt';
  if (sitting.phase === 'practice') return 'bij de oefeningen';
  return `${sitting.answered} van ${sitting.itemCount} beantwoord`;
}

/**
 * After login: a sitting the host resumed after a crash ("Hervatten", PIN next), a new sitting, and how the
 * outbox stands (results waiting for the network are this screen's business too).
 */
export function StartScreen(props: {
  who: string;
  status: AfnemerStatus;
  onNew: () => void;
  onResume: (sitting: SittingOverview) => void;
  onOutbox: () => void;
  onSignOut: () => void;
}) {
  const [open, setOpen] = useState<OpenSessionsResponse | null>(null);
  const [outbox, setOutbox] = useState<OutboxView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void window.lbt.afnemer
      .openSessions()
      .then((r) => (r.ok ? setOpen(r.value) : setProblem(r.error.message)));
    void window.lbt.outbox.list().then((r) => r.ok && setOutbox(r.value));
  }, []);

  const { afnemer, roster } = props.status;
  const sessions = open?.sessions.filter((s) => s.status !== 'closed') ?? [];
  const waiting = outbox?.entries.filter((e) => e.state !== 'delivered').length ?? 0;
  const delivered = (outbox?.entries.length ?? 0) - waiting;

  return (
    <ConsoleFrame screen="start" title="Start" who={props.who} onSignOut={props.onSignOut}>
      <section className="console-panel" aria-labelledby="welcome-title">
        <h1 id="welcome-title">Welkom, {afnemer?.name}</h1>
        <p>
          Afnemer {afnemer?.afnemerId}, gemeente {afnemer?.gemeente}. Certificaat geldig tot en met{' '}
          {afnemer ? dutchDate(afnemer.validUntil) : ''}.
          {roster
            ? ` Lijst van toetsafnemers: versie ${roster.serial} van ${dutchDate(roster.issuedAt)}.`
            : ''}
        </p>
      </section>
      {problem && <Message tone="error">{problem}</Message>}
      <div className="console-columns start-columns">
        <section className="console-panel" aria-labelledby="open-title" data-testid="open-sessions">
          <h2 id="open-title">Open sessies</h2>
          {sessions.length === 0 && <p>Er is geen onderbroken sessie.</p>}
          <ul className="console-list" aria-label="Onderbroken sessies">
            {sessions.map((sitting) => (
              <li key={sitting.sessionId} data-testid="open-session" data-session-id={sitting.sessionId}>
                <span className="grow">
                  <strong>{sitting.candidateRef}</strong> — {whereItStands(sitting)}
                  {sitting.clock.openedAt ? `, gestart om ${dutchTime(sitting.clock.openedAt)}` : ''}
                </span>
                <button
                  type="button"
                  className="console-primary"
                  onClick={() => props.onResume(sitting)}
                  aria-label={`Hervatten: ${sitting.candidateRef}`}
                >
                  Hervatten
                </button>
              </li>
            ))}
          </ul>
          {open?.notResumed.map((item) => (
            <Message key={item.sessionId ?? item.message} tone="warn">
              {item.message}
            </Message>
          ))}
        </section>
        <section className="console-panel" aria-labelledby="new-title">
          <h2 id="new-title">Nieuwe afname</h2>
          <p>
            Apparaat controleren, afnamecondities invullen, protocol voorlezen en overdragen aan de kandidaat.
          </p>
          {sessions.length > 0 && <p className="field-hint">Hervat of beëindig eerst de open sessie.</p>}
          <button
            type="button"
            className="console-primary"
            disabled={sessions.length > 0}
            onClick={props.onNew}
            data-testid="new-sitting"
          >
            Nieuwe afname
          </button>
        </section>
        <section className="console-panel" aria-labelledby="outbox-title" data-testid="outbox-status">
          <h2 id="outbox-title">Verzendlijst</h2>
          <p>
            {outbox === null
              ? 'Wordt gelezen…'
              : outbox.entries.length === 0
                ? 'Nog geen resultaten op deze kiosk.'
                : `${waiting} wachten op verzending, ${delivered} afgeleverd.`}
          </p>
          {outbox && !outbox.service && (
            <p className="field-hint">Niet gekoppeld aan een resultatenservice.</p>
          )}
          <button
            type="button"
            className="console-secondary"
            onClick={props.onOutbox}
            data-testid="to-outbox"
          >
            Verzendlijst openen
          </button>
        </section>
      </div>
    </ConsoleFrame>
  );
}
