import { useId, useState, type FormEvent } from 'react';
import type { LeerrouteRecord } from '../../../src/shared/review';
import {
  DEVIATION_REASON_LABELS,
  EXPLANATION_MAX,
  EXPLANATION_MIN,
  ROUTE_LABELS,
  type DeviationReason,
  type Leerroute,
  type ResultRow,
} from '../../../src/shared/review';
import { medicalWarning, SPECIAL_CATEGORY_WARNING } from '../../../src/shared/afnemer/special-category';
import { isConform, OUTCOME_BY_KEY, outcomeOf } from '../../../src/shared/scoring/rules';
import { ApiError, call } from '../api/client';

const ROUTES: Leerroute[] = ['B1', 'O', 'Z'];

/**
 * Records the chosen leerroute for one result. Going against the advice needs a reason from the list and a
 * short explanation (for the PIP); the form says what is missing before anything is sent, and the service
 * refuses the same on its side.
 */
export function LeerrouteForm({
  row,
  onSaved,
}: {
  row: ResultRow;
  onSaved: (record: LeerrouteRecord) => void;
}) {
  const [route, setRoute] = useState<Leerroute | ''>(row.route === 'onbekend' ? '' : row.route);
  const [reason, setReason] = useState<DeviationReason | ''>('');
  const [explanation, setExplanation] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  // Against the advice: not conform (issue 9, the brief).
  // A pilot result has no advice ("proefafname: geen advies"), so nothing to go against.
  const pilot = row.outcome === 'geen-advies';
  const against = !pilot && route !== '' && !isConform(route, row.raw, row.cesuur);
  const advice = pilot ? OUTCOME_BY_KEY['geen-advies'] : outcomeOf(row.raw, row.cesuur);
  // Warn, never block: shown while typing, so it is read before saving (src/shared/afnemer/special-category.ts).
  const medical = medicalWarning(explanation);
  const warningId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const problems: string[] = [];
    if (route === '') problems.push('Kies een leerroute.');
    if (against && reason === '') problems.push('Kies een reden: deze leerroute wijkt af van de uitslag.');
    if (against && explanation.trim().length < EXPLANATION_MIN)
      problems.push(`Schrijf een korte toelichting (minstens ${EXPLANATION_MIN} tekens) voor het PIP.`);
    setErrors(problems);
    if (problems.length > 0 || route === '') return;
    setBusy(true);
    try {
      const record = await call('recordLeerroute', {
        params: { id: row.resultId },
        body: {
          route,
          ...(reason ? { reason } : {}),
          ...(explanation.trim() ? { explanation: explanation.trim() } : {}),
        },
      });
      setSaved(
        `${ROUTE_LABELS[record.route]} vastgelegd (${record.conform ? 'conform uitslag' : 'anders dan uitslag'}).`,
      );
      onSaved(record);
    } catch (caught) {
      setErrors([
        caught instanceof ApiError ? caught.message : 'Vastleggen lukte niet.',
        ...(caught instanceof ApiError ? caught.issues : []),
      ]);
    } finally {
      setBusy(false);
    }
  }

  if (row.status === 'aborted')
    return (
      <p className="muted">
        Deze toets is afgebroken en heeft geen uitslag. Leg de leerroute vast na een nieuwe afname.
      </p>
    );

  return (
    <form className="route-form" onSubmit={submit} aria-label="Leerroute vastleggen" noValidate>
      <p>
        Kandidaat <strong>{row.candidateRef}</strong>: score <strong>{row.raw}</strong>
        {pilot ? '' : ` (cesuur ${row.cesuur})`}, <strong>{advice}</strong>.
      </p>
      <fieldset>
        <legend>Gekozen leerroute</legend>
        <div className="radios">
          {ROUTES.map((candidate) => (
            <label key={candidate}>
              <input
                type="radio"
                name="route"
                value={candidate}
                checked={route === candidate}
                onChange={() => setRoute(candidate)}
              />
              {ROUTE_LABELS[candidate]}
            </label>
          ))}
        </div>
      </fieldset>
      {against && (
        <div className="deviation" role="group" aria-label="Afwijking van de uitslag">
          <p className="warn">
            Deze keuze wijkt af van de uitslag. Geef een reden en een toelichting voor het PIP.
          </p>
          <div className="field">
            <label htmlFor={reasonId}>Reden</label>
            <select
              id={reasonId}
              value={reason}
              onChange={(event) => setReason(event.target.value as DeviationReason | '')}
              aria-required="true"
            >
              <option value="">Kies een reden…</option>
              {(Object.keys(DEVIATION_REASON_LABELS) as DeviationReason[]).map((key) => (
                <option key={key} value={key}>
                  {DEVIATION_REASON_LABELS[key]}
                </option>
              ))}
            </select>
          </div>
          <label className="field">
            Toelichting (max. {EXPLANATION_MAX} tekens)
            <textarea
              rows={2}
              maxLength={EXPLANATION_MAX}
              value={explanation}
              onChange={(event) => setExplanation(event.target.value)}
              aria-required="true"
              aria-describedby={warningId}
            />
          </label>
          {/* One slot: the standing warning, replaced by the named words once some look medical. */}
          <p
            id={warningId}
            className={medical ? 'warn privacy-warning' : 'privacy-warning'}
            aria-live="polite"
            data-testid="special-category-warning"
          >
            {medical ?? SPECIAL_CATEGORY_WARNING}
          </p>
        </div>
      )}
      {errors.length > 0 && (
        <ul className="error" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      {saved && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Leerroute vastleggen
      </button>
    </form>
  );
}
