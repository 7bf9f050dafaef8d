import { useCallback, useEffect, useState } from 'react';
import type { OutboxEntry, OutboxView } from '../../../src/shared/results-service/outbox';
import { ConsoleFrame, Message } from './ConsoleFrame';
import { DELIVERY_LABEL, dutchDate, dutchTime } from './dutch';

/** At most this many rows fit the canvas; the newest are shown, the count says how many there are. */
const ROWS = 7;

/**
 * The outbox: every result this kiosk holds on its way to the results service, by candidate reference only
 * (no other personal data), with "Nu opnieuw proberen" and "Exporteren naar bestand" for a day without network.
 */
export function OutboxScreen(props: { who: string; onBack: () => void }) {
  const [view, setView] = useState<OutboxView | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error' | 'info'; text: string } | null>(null);

  const load = useCallback(async () => {
    const result = await window.lbt.outbox.list();
    if (result.ok) setView(result.value);
    else setMessage({ tone: 'error', text: result.error.message });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const retry = async () => {
    setBusy(true);
    const result = await window.lbt.outbox.retry();
    setBusy(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setView(result.value);
    const waiting = result.value.entries.filter((e) => e.state !== 'delivered').length;
    setMessage(
      waiting === 0
        ? { tone: 'ok', text: 'Alle resultaten zijn afgeleverd.' }
        : { tone: 'info', text: `${waiting} resultaten wachten nog op verbinding.` },
    );
  };
  const exportFile = async () => {
    setBusy(true);
    const result = await window.lbt.outbox.export();
    setBusy(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setView(result.value.view);
    setMessage({
      tone: 'ok',
      text: `${result.value.count} resultaten geëxporteerd naar ${result.value.file}. Breng dit bestand naar de gemeente.`,
    });
  };

  const entries = [...(view?.entries ?? [])].sort((a, b) => b.closedAt.localeCompare(a.closedAt));
  const pending = entries.filter((e) => e.state !== 'delivered').length;
  return (
    <ConsoleFrame screen="outbox" title="Verzendlijst" who={props.who}>
      <section className="console-panel is-grow" aria-labelledby="outbox-title">
        <h1 id="outbox-title">Resultaten op deze kiosk</h1>
        <p data-testid="outbox-summary">
          {view === null
            ? 'De verzendlijst wordt gelezen…'
            : `${entries.length} resultaten, waarvan ${pending} nog niet afgeleverd. ${
                view.service
                  ? `Resultatenservice: ${view.service.url} (${view.service.gemeente}).`
                  : 'Deze kiosk is niet aangemeld bij een resultatenservice: exporteer naar bestand.'
              }`}
        </p>
        <ul className="console-list" aria-label="Resultaten">
          {entries.slice(0, ROWS).map((entry) => (
            <OutboxRow key={entry.sessionId} entry={entry} />
          ))}
        </ul>
        {entries.length > ROWS && <p className="field-hint">en {entries.length - ROWS} oudere resultaten.</p>}
      </section>
      {message && (
        <Message tone={message.tone} testId="outbox-message">
          {message.text}
        </Message>
      )}
      <div className="console-actions">
        <button type="button" className="console-secondary is-start" onClick={props.onBack}>
          Terug
        </button>
        <button type="button" className="console-secondary" disabled={busy} onClick={() => void exportFile()}>
          Exporteren naar bestand
        </button>
        <button type="button" className="console-primary" disabled={busy} onClick={() => void retry()}>
          Nu opnieuw proberen
        </button>
      </div>
    </ConsoleFrame>
  );
}

export function DeliveryTag({ entry }: { entry: Pick<OutboxEntry, 'state'> }) {
  return (
    <span className={`tag is-${entry.state}`} data-testid="delivery-state" data-state={entry.state}>
      {DELIVERY_LABEL[entry.state]}
    </span>
  );
}

function OutboxRow({ entry }: { entry: OutboxEntry }) {
  const detail =
    entry.state === 'delivered' && entry.receipt
      ? `ontvangen ${dutchDate(entry.receipt.storedAt)} ${dutchTime(entry.receipt.storedAt)}`
      : entry.lastError
        ? `${entry.attempts} pogingen; laatste fout: ${entry.lastError}`
        : `${entry.attempts} pogingen`;
  return (
    <li data-testid="outbox-entry" data-session-id={entry.sessionId} data-state={entry.state}>
      <strong>{entry.candidateRef}</strong>
      <span>{entry.status === 'aborted' ? 'afgebroken' : 'afgerond'}</span>
      <span>
        {dutchDate(entry.closedAt)} {dutchTime(entry.closedAt)}
      </span>
      <span className="grow field-hint">{detail}</span>
      <DeliveryTag entry={entry} />
    </li>
  );
}
