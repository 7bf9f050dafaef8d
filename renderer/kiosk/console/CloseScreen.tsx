import { useEffect, useState } from 'react';
import type { ClosedSitting, SittingOverview, SittingScore } from '../../../src/shared/afnemer/sitting';
import type { OutboxEntry } from '../../../src/shared/results-service/outbox';
import type { Incident } from '../../../src/shared/session/state';
import { ConsoleFrame, Message } from './ConsoleFrame';
import { ABORT_LABEL, dutchTime, EARLY_END_LABEL, minutes, PAUSE_LABEL } from './dutch';
import { DeliveryTag } from './OutboxScreen';

/** While a result waits, the console looks again this often (the outbox retries on its own schedule). */
const POLL_MS = 1500;

function incidentText(incident: Incident): string {
  switch (incident.kind) {
    case 'pause':
      return `Pauze om ${dutchTime(incident.from)}: ${PAUSE_LABEL[incident.reason]}`;
    case 'interruption':
      return `Onderbroken (kiosk uitgevallen) van ${dutchTime(incident.from)} tot ${dutchTime(incident.to)}`;
    case 'abort':
      return `Afgebroken om ${dutchTime(incident.at)}: ${ABORT_LABEL[incident.reason]}`;
    case 'display-change':
      return `Scherm gewijzigd om ${dutchTime(incident.at)} naar ${incident.measurement.widthPx}×${incident.measurement.heightPx} pixels${incident.broken.length > 0 ? ', buiten de apparaateisen' : ', binnen de apparaateisen'}`;
    case 'idle':
      return `Om ${dutchTime(incident.at)} ${minutes(incident.idleMs)} niets aangeraakt bij opgave ${incident.itemId}`;
  }
}

function validityFlags(overview: SittingOverview): string[] {
  const v = overview.validity;
  return [
    ...(v.mouseUsed ? ['Er is een muis gebruikt in plaats van aanraken.'] : []),
    ...(v.focusLost ? [`Het toetsvenster verloor ${v.focusLostCount} keer de focus.`] : []),
    ...(v.displayChanges > 0
      ? [
          `Het scherm veranderde ${v.displayChanges} keer tijdens de toets (${v.displayOutOfPolicy} keer buiten de apparaateisen).`,
        ]
      : []),
    ...(v.interrupted ? [`De kiosk is ${v.interruptions} keer uitgevallen tijdens de toets.`] : []),
    ...(v.fastAnswers.length > 0
      ? [
          `${v.fastAnswers.length} opgaven zijn sneller beantwoord dan ${(v.fastAnswerMs / 1000).toLocaleString('nl-NL')} seconden.`,
        ]
      : []),
    ...(v.longIdles > 0
      ? [`De kandidaat raakte ${v.longIdles} keer een opgave lang niet aan (misschien was hulp nodig).`]
      : []),
  ];
}

/**
 * Closing a sitting: the completeness check (answered, unanswered, incidents, validity flags), "Afsluiten",
 * then the result's way to the service (delivered with a verified receipt, waiting, exported). The score
 * appears only when the kiosk's policy allows it (by default the consulent receives it, not the afnemer).
 */
export function CloseScreen(props: {
  who: string;
  overview: SittingOverview;
  onClose: () => Promise<ClosedSitting | string>;
  onDone: () => void;
}) {
  const [closed, setClosed] = useState<ClosedSitting | null>(null);
  const [delivery, setDelivery] = useState<OutboxEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const overview = closed?.overview ?? props.overview;

  useEffect(() => {
    if (!closed || delivery?.state === 'delivered') return;
    const timer = setInterval(() => {
      void window.lbt.outbox.list().then((result) => {
        if (!result.ok) return;
        const entry = result.value.entries.find((e) => e.sessionId === closed.sessionId);
        if (entry) setDelivery(entry);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [closed, delivery?.state]);

  const close = async () => {
    setBusy(true);
    const answer = await props.onClose();
    setBusy(false);
    if (typeof answer === 'string') return setError(answer);
    setError(null);
    setClosed(answer);
    setDelivery(answer.delivery);
  };

  const flags = validityFlags(overview);
  return (
    <ConsoleFrame screen={closed ? 'closed' : 'close'} title="Afsluiten" who={props.who}>
      <div className="console-columns close-columns">
        <section className="console-panel" aria-labelledby="complete-title">
          <h1 id="complete-title">Volledigheid</h1>
          <dl className="facts" data-testid="completeness">
            <dt>Kandidaat</dt>
            <dd>{overview.candidateRef}</dd>
            <dt>Afloop</dt>
            <dd data-testid="sitting-ending">
              {overview.status === 'aborted'
                ? 'Afgebroken'
                : overview.validity.endedEarly
                  ? `Vroeg beëindigd: ${EARLY_END_LABEL[overview.validity.endedEarly.reason].toLowerCase()}`
                  : 'Alle opgaven gemaakt'}
            </dd>
            <dt>Beantwoord</dt>
            <dd data-testid="answered-count">
              {overview.answered} van {overview.itemCount}
            </dd>
            <dt>Onbeantwoord</dt>
            <dd data-testid="unanswered-count">
              {overview.unanswered === 0
                ? 'geen'
                : `${overview.unanswered} (${overview.unansweredItemIds.slice(0, 6).join(', ')}${overview.unanswered > 6 ? ' …' : ''})`}
            </dd>
            <dt>Toetstijd</dt>
            <dd>
              {minutes(overview.clock.activeMs)}; pauze {minutes(overview.clock.pausedMs)}
            </dd>
          </dl>
        </section>
        <section className="console-panel" aria-labelledby="incidents-title">
          <h2 id="incidents-title">Incidenten en bijzonderheden</h2>
          <ul className="console-list compact" data-testid="incidents" aria-label="Incidenten">
            {overview.incidents.length === 0 && <li>Geen incidenten.</li>}
            {overview.incidents.slice(0, 4).map((incident, i) => (
              <li key={i}>{incidentText(incident)}</li>
            ))}
          </ul>
          <ul className="console-list compact" data-testid="validity" aria-label="Validiteit">
            {flags.length === 0 && <li>Geen validiteitsvlaggen.</li>}
            {flags.map((flag) => (
              <li key={flag}>⚠ {flag}</li>
            ))}
          </ul>
        </section>
      </div>
      {error && (
        <Message tone="error" testId="close-error">
          {error}
        </Message>
      )}
      {closed ? (
        <section className="console-panel" aria-labelledby="delivery-title" data-testid="delivery">
          <h2 id="delivery-title">Resultaat opgeslagen en ondertekend</h2>
          <p>
            {delivery ? (
              <DeliveryTag entry={delivery} />
            ) : (
              <span className="tag">Geen resultatenservice gekoppeld</span>
            )}{' '}
            {delivery?.state === 'delivered' && delivery.receipt && (
              <span data-testid="receipt">
                Ontvangstbewijs van de resultatenservice gecontroleerd ({dutchTime(delivery.receipt.storedAt)}
                ).
              </span>
            )}
            {delivery?.state === 'waiting' && 'De kiosk blijft het versturen; u kunt doorgaan.'}
          </p>
          {closed.score && <ScoreLine score={closed.score} />}
          <div className="console-actions">
            <button type="button" className="console-primary" onClick={props.onDone} data-testid="close-done">
              Klaar
            </button>
          </div>
        </section>
      ) : (
        <div className="console-actions">
          <span className="field-hint is-start">
            Na afsluiten kan er niets meer aan deze toets veranderen. Het resultaat wordt ondertekend en
            verstuurd.
          </span>
          <button
            type="button"
            className="console-primary"
            disabled={busy || !overview.canClose}
            onClick={() => void close()}
            data-testid="close-sitting"
          >
            Afsluiten
          </button>
        </div>
      )}
    </ConsoleFrame>
  );
}

/**
 * The score as the policy lets the afnemer see it. A pilot has no advice: the line then names neither cesuur nor
 * twijfelzone, so nothing on the screen reads as one.
 */
function ScoreLine({ score }: { score: SittingScore }) {
  if (score.outcome === 'proefafname: geen advies')
    return (
      <p data-testid="score">
        Score {score.raw} van {score.max}: proefafname: geen advies
      </p>
    );
  return (
    <p data-testid="score">
      Score {score.raw} van {score.max} (cesuur {score.cesuur}): {score.outcome ?? 'geen uitkomst'}
      {score.voorlopig ? ` (voorlopig: ${score.voorlopig})` : ''}
      {score.inTwijfelzone ? ' — in de twijfelzone' : ''}
    </p>
  );
}
