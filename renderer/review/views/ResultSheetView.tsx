import type { ResultSheet } from '../../../src/shared/review';
import { DEVIATION_REASON_LABELS, ROUTE_LABELS, type ReviewUser } from '../../../src/shared/review';
import { useCall } from '../api/use-resource';
import { DOELGROEP_LABELS, LANGUAGE_LABELS, formatDateTime } from '../format';
import { Loaded } from '../parts/common';
import { tabHref } from '../route';

/** Fixed on every sheet, whatever the outcome: the consulent's PIP file must not read the outcome as a route. */
export const NOT_AUTOMATICALLY_Z = '“B1-route niet haalbaar” betekent niet automatisch de Z-route.';

/** The printable result sheet of one result, for the consulent's PIP file (print CSS: one A4 page). */
export function ResultSheetView({ resultId, user }: { resultId: string; user: ReviewUser }) {
  const sheet = useCall('resultSheet', { params: { id: resultId } });
  return (
    <div className="sheet-frame">
      <nav className="sheet-tools" aria-label="Uitslagblad">
        <a className="button" href={tabHref('uitslagen')}>
          Terug naar de uitslagen
        </a>
        <button
          type="button"
          className="primary"
          onClick={() => window.print()}
          disabled={sheet.state !== 'ready'}
        >
          Afdrukken
        </button>
      </nav>
      <main className="sheet" aria-label="Uitslagblad">
        {sheet.state === 'error' && sheet.error.status === 404 ? (
          <p className="error" role="alert">
            Deze uitslag bestaat niet of hoort niet bij gemeente {user.gemeente}.
          </p>
        ) : (
          <Loaded resource={sheet}>{(data) => <SheetBody data={data} />}</Loaded>
        )}
      </main>
    </div>
  );
}

function SheetBody({ data }: { data: ResultSheet }) {
  return (
    <article>
      <header className="sheet-head">
        <h1>Uitslag leerbaarheidstoets</h1>
        <p>
          Gemeente {data.gemeente} · kandidaat <strong>{data.candidateRef}</strong> · afgenomen{' '}
          {formatDateTime(data.closedAt)}
        </p>
      </header>
      <section className="sheet-outcome" aria-label="Uitslag">
        <div className="score">
          <span className="big">{data.status === 'aborted' ? '–' : data.raw}</span>
          <span>van {data.max} goed</span>
        </div>
        <div>
          <p className="outcome" data-testid="sheet-outcome">
            {data.outcomeText}
            {data.voorlopig && ' (voorlopig)'}
          </p>
          {data.voorlopig && <p data-testid="sheet-voorlopig">Voorlopig advies: {data.voorlopig}.</p>}
          {/* A pilot has no advice: no cesuur line, no twijfelzone, nothing a reader could take for one. */}
          {data.definitionStatus !== 'pilot' && (
            <>
              <p data-testid="sheet-probability">
                {data.twijfelzone.inZone && 'Deze score valt in de twijfelzone. '}
                {data.probabilityLine}
              </p>
              <p className="note">{NOT_AUTOMATICALLY_Z}</p>
            </>
          )}
          <p className="note">{data.outcomeNote}</p>
        </div>
      </section>
      <div className="sheet-columns">
        <section aria-labelledby="sheet-facts">
          <h2 id="sheet-facts">Afname</h2>
          <dl>
            <dt>Doelgroep</dt>
            <dd>{DOELGROEP_LABELS[data.doelgroep as keyof typeof DOELGROEP_LABELS] ?? data.doelgroep}</dd>
            <dt>Instructietaal</dt>
            <dd>{LANGUAGE_LABELS[data.language] ?? data.language}</dd>
            <dt>Toetsafnemer</dt>
            <dd>{data.afnemerId}</dd>
            <dt>Locatie (kiosk)</dt>
            <dd>{data.device.label}</dd>
            <dt>Begonnen</dt>
            <dd>{formatDateTime(data.openedAt)}</dd>
            <dt>Onbeantwoord</dt>
            <dd>{data.unanswered}</dd>
            {/* Which package and cesuur this outcome rests on: a sheet is read long after the cesuur changed. */}
            <dt>Toetspakket</dt>
            <dd data-testid="sheet-package">
              {data.package.packageId} {data.package.version}
            </dd>
            <dt>Status</dt>
            <dd>{data.definitionStatusText}</dd>
            {/* A pilot has no cesuur to read a score against: the row would look like advice. */}
            {data.definitionStatus !== 'pilot' && (
              <>
                <dt>Cesuur</dt>
                <dd>
                  {data.cesuur} goed; twijfelzone {data.twijfelzone.from} t/m {data.twijfelzone.to}
                </dd>
              </>
            )}
            <dt>Cesuurversie</dt>
            <dd>{data.cesuurVersionText}</dd>
          </dl>
        </section>
        <section aria-labelledby="sheet-conditions">
          <h2 id="sheet-conditions">Afnamecondities</h2>
          <dl>
            {data.conditions.map((condition) => (
              <div key={condition.label} className="dl-row">
                <dt>{condition.label}</dt>
                <dd>{condition.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <div className="sheet-columns">
        <section aria-labelledby="sheet-flags">
          <h2 id="sheet-flags">Signalen over de geldigheid</h2>
          {data.flags.length === 0 ? (
            <p>Geen.</p>
          ) : (
            <ul>
              {data.flags.map((flag) => (
                <li key={flag.flag}>{flag.label}</li>
              ))}
            </ul>
          )}
          <h2>Gebeurtenissen tijdens de afname</h2>
          {data.incidents.length === 0 ? (
            <p>Geen pauzes of onderbrekingen.</p>
          ) : (
            <ul>
              {data.incidents.map((incident) => (
                <li key={incident.at + incident.text}>
                  {formatDateTime(incident.at)}: {incident.text}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="sheet-route">
          <h2 id="sheet-route">Gekozen leerroute</h2>
          {data.leerroute ? (
            <>
              <p>
                <strong>{ROUTE_LABELS[data.leerroute.route]}</strong> —{' '}
                {data.leerroute.conform ? 'conform de uitslag' : 'anders dan de uitslag'}
              </p>
              {data.leerroute.reason && <p>Reden: {DEVIATION_REASON_LABELS[data.leerroute.reason]}</p>}
              {data.leerroute.explanation && <p>Toelichting: {data.leerroute.explanation}</p>}
              <p className="muted">
                Vastgelegd door {data.leerroute.recordedBy} op {formatDateTime(data.leerroute.recordedAt)}
              </p>
            </>
          ) : (
            <p>Nog niet vastgelegd.</p>
          )}
        </section>
      </div>
      <footer className="sheet-foot">
        Uitslag-id {data.resultId} · kiosk {data.device.deviceId}
      </footer>
    </article>
  );
}
