import { useEffect, useState } from 'react';
import {
  ROUTE_LABELS,
  type ResultRow,
  VALIDITY_FLAG_LABELS,
  type ReviewFilters,
  type ReviewUser,
  type RouteKey,
} from '../../../src/shared/review';
import { useCall } from '../api/use-resource';
import { formatCount, formatDate } from '../format';
import { sheetHref } from '../route';
import { ExportLink, Loaded, Panel } from '../parts/common';
import { LeerrouteForm } from '../parts/LeerrouteForm';
import { exportUrl } from '../api/client';
import { Pager } from '../parts/Pager';
import { ConformTableView } from '../parts/tables';

const PAGE_SIZE = 8;
const SEARCH_DELAY_MS = 300;
/** In the list the column head says "B1-route", so the cell says only whether it is haalbaar. */
const OUTCOME_SHORT = {
  haalbaar: 'haalbaar',
  'niet-haalbaar': 'niet haalbaar',
  'geen-advies': 'proefafname: geen advies',
} as const;

/** The results, newest first; choose one to record its leerroute or to open its printable sheet. */
export function ResultsView({ filters, user }: { filters: ReviewFilters; user: ReviewUser }) {
  const [page, setPage] = useState(0);
  const [route, setRoute] = useState<RouteKey | ''>('');
  // A snapshot of the chosen row: it stays in the form after saving, even when the list no longer shows it.
  const [row, setRow] = useState<ResultRow | null>(null);
  const [saves, setSaves] = useState(0);
  // What is typed in the search, and what the list searches for: the latter a moment later, so typing a
  // reference does not send a request per key.
  const [typed, setTyped] = useState('');
  const [candidate, setCandidate] = useState('');
  useEffect(() => {
    const next = typed.trim();
    if (next === candidate) return;
    const timer = setTimeout(() => {
      setCandidate(next);
      setPage(0);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, candidate]);
  const list = useCall(
    'results',
    {
      query: {
        ...filters,
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
        route: route || undefined,
        candidate: candidate || undefined,
      },
    },
    saves,
  );
  const distribution = useCall('distribution', { query: filters }, saves);
  const mayRecord = user.role !== 'viewer';

  return (
    <div className="grid-results">
      <Panel
        title="Uitslagen"
        className="results-list"
        actions={
          <>
            <label className="inline-field">
              Kandidaat
              <input
                type="search"
                className="search"
                placeholder="zoeken"
                maxLength={64}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
            </label>
            <label className="inline-field">
              Leerroute
              <select
                aria-label="Leerroute in de lijst"
                value={route}
                onChange={(event) => {
                  setRoute(event.target.value as RouteKey | '');
                  setPage(0);
                }}
              >
                <option value="">Alle</option>
                {(Object.keys(ROUTE_LABELS) as RouteKey[]).map((key) => (
                  <option key={key} value={key}>
                    {ROUTE_LABELS[key]}
                  </option>
                ))}
              </select>
            </label>
            <ExportLink view="results" label="Download CSV" filters={filters} />
          </>
        }
      >
        <Loaded resource={list}>
          {(data) => (
            <>
              <table className="figures results" aria-label="Uitslagen">
                <thead>
                  <tr>
                    <th scope="col">Datum</th>
                    <th scope="col">Kandidaat</th>
                    <th scope="col">Score</th>
                    <th scope="col">B1-route</th>
                    <th scope="col">Leerroute</th>
                    <th scope="col">Signalen</th>
                    <th scope="col">
                      <span className="sr-only">Acties</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((result) => (
                    <tr key={result.resultId} aria-selected={result.resultId === row?.resultId}>
                      <td>{formatDate(result.closedAt)}</td>
                      <th scope="row">
                        <a
                          href={sheetHref(result.resultId)}
                          aria-label={`Uitslagblad van ${result.candidateRef}`}
                        >
                          {result.candidateRef}
                        </a>
                      </th>
                      <td>
                        {result.status === 'aborted' ? '–' : `${result.raw}`}
                        {result.inTwijfelzone && result.status === 'completed' && (
                          <span className="tag">twijfel</span>
                        )}
                      </td>
                      <td>
                        {result.outcome ? OUTCOME_SHORT[result.outcome] : 'afgebroken'}
                        {/* The consulent needs no new sitting: say plainly that this one was ended early. */}
                        {result.flags.includes('ended-early') && (
                          <span className="tag warn" data-testid="ended-early">
                            vroeg beëindigd
                          </span>
                        )}
                      </td>
                      <td>
                        {ROUTE_LABELS[result.route]}
                        {result.conform === false && <span className="tag warn">anders</span>}
                      </td>
                      <td>
                        <span
                          className="clip"
                          title={result.flags.map((flag) => VALIDITY_FLAG_LABELS[flag]).join(', ')}
                        >
                          {result.flags.length === 0
                            ? '–'
                            : result.flags.map((flag) => VALIDITY_FLAG_LABELS[flag]).join(', ')}
                        </span>
                      </td>
                      <td>
                        <div className="actions">
                          {mayRecord && (
                            <button
                              type="button"
                              onClick={() => setRow(result)}
                              aria-label={`Leerroute vastleggen voor ${result.candidateRef}`}
                            >
                              Leerroute
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.rows.length === 0 && (
                <p className="muted">
                  {candidate
                    ? `Geen uitslag met een kandidaatnummer dat begint met ‘${candidate}’ bij deze filters.`
                    : 'Geen uitslagen bij deze filters.'}
                </p>
              )}
              {/* One row under the list: the count, the GGM export and the pager, so the list keeps its rows at
                  1366x768. The candidate's reference opens the sheet (a link, underlined). */}
              <div className="list-foot">
                <span className="footnote">
                  {formatCount(data.total)} {data.total === 1 ? 'uitslag' : 'uitslagen'}.{' '}
                  {/* The same rows with the Gemeentelijk Gegevensmodel's field names, for the gemeente's systems. */}
                  <a href={exportUrl('results-ggm', filters)} download>
                    CSV met GGM-veldnamen
                  </a>
                </span>
                <Pager
                  page={page}
                  pages={Math.ceil(data.total / PAGE_SIZE)}
                  onPage={setPage}
                  label="Uitslagen"
                  busy={list.state === 'loading'}
                />
              </div>
            </>
          )}
        </Loaded>
      </Panel>
      <Panel title="Leerroute vastleggen" className="route-panel">
        {!mayRecord ? (
          <p className="muted">Met een leesaccount kunt u geen leerroute vastleggen.</p>
        ) : row ? (
          <LeerrouteForm
            key={row.resultId}
            row={row}
            onSaved={(record) => {
              setRow({ ...row, route: record.route, conform: record.conform });
              setSaves((n) => n + 1);
            }}
          />
        ) : (
          <p className="muted">Kies in de lijst bij een uitslag ‘Leerroute’.</p>
        )}
      </Panel>
      <Panel title="Conform of anders dan uitslag" className="conform-panel">
        <Loaded resource={distribution}>{(data) => <ConformTableView conform={data.conform} />}</Loaded>
      </Panel>
    </div>
  );
}
