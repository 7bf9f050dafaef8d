import { useId, useState } from 'react';
import {
  ENDING_KIND_LABELS,
  TOO_SMALL_LABEL,
  type ConductBy,
  type ReviewFilters,
} from '../../../src/shared/review';
import { useCall } from '../api/use-resource';
import { formatCount } from '../format';
import { Loaded, Panel } from '../parts/common';
import { Pager } from '../parts/Pager';

const ROWS_PER_PAGE = 8;
const REASONS_PER_PAGE = 6;
const BY_LABELS: Record<ConductBy, string> = { afnemer: 'Toetsafnemer', location: 'Locatie (kiosk)' };

/**
 * "Afwijkende afnames": sittings that were paused, ended early, aborted or resumed after the kiosk went down,
 * per afnemer or location, and the recorded reasons. Groups under the minimum are marked as in the conditions
 * view; a few sittings of one afnemer say nothing about that afnemer.
 */
export function ConductView({ filters }: { filters: ReviewFilters }) {
  const [by, setBy] = useState<ConductBy>('afnemer');
  const [page, setPage] = useState(0);
  const [reasonPage, setReasonPage] = useState(0);
  const menuId = useId();
  const conduct = useCall('conduct', { query: { ...filters, by } });

  return (
    <Panel title="Afwijkende afnames" className="fill conduct">
      <div className="field split-by">
        <label htmlFor={menuId}>Per</label>
        <select
          id={menuId}
          value={by}
          onChange={(event) => {
            setBy(event.target.value as ConductBy);
            setPage(0);
          }}
        >
          {(Object.keys(BY_LABELS) as ConductBy[]).map((key) => (
            <option key={key} value={key}>
              {BY_LABELS[key]}
            </option>
          ))}
        </select>
      </div>
      <Loaded resource={conduct}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.rows.length / ROWS_PER_PAGE));
          const rows = data.rows.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE);
          const reasonPages = Math.max(1, Math.ceil(data.reasons.length / REASONS_PER_PAGE));
          const reasons = data.reasons.slice(
            reasonPage * REASONS_PER_PAGE,
            (reasonPage + 1) * REASONS_PER_PAGE,
          );
          return (
            <div className="conduct-columns">
              <div>
                <table
                  className="figures"
                  aria-label={`Afwijkende afnames per ${BY_LABELS[by].toLowerCase()}`}
                >
                  <thead>
                    <tr>
                      <th scope="col">{BY_LABELS[by]}</th>
                      <th scope="col">Afnames</th>
                      <th scope="col">Gepauzeerd</th>
                      <th scope="col">Vroeg beëindigd</th>
                      <th scope="col">Afgebroken</th>
                      <th scope="col">Hersteld na onderbreking</th>
                      <th scope="col">Normaal</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.key} className={row.tooSmall ? 'too-small' : undefined} data-key={row.key}>
                        <th scope="row">
                          {row.label}
                          {row.tooSmall && <span className="badge">{TOO_SMALL_LABEL}</span>}
                        </th>
                        <td>{formatCount(row.n)}</td>
                        <td>{formatCount(row.paused)}</td>
                        <td>{formatCount(row.endedEarly)}</td>
                        <td>{formatCount(row.aborted)}</td>
                        <td>{formatCount(row.recovered)}</td>
                        <td>{formatCount(row.normal)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">Totaal</th>
                      <td>{formatCount(data.total.n)}</td>
                      <td>{formatCount(data.total.paused)}</td>
                      <td>{formatCount(data.total.endedEarly)}</td>
                      <td>{formatCount(data.total.aborted)}</td>
                      <td>{formatCount(data.total.recovered)}</td>
                      <td>{formatCount(data.total.normal)}</td>
                    </tr>
                  </tfoot>
                </table>
                <Pager page={page} pages={pages} onPage={setPage} label="Groepen" />
                <p className="footnote">
                  Een afname kan in meer kolommen staan (eerst gepauzeerd, dan afgebroken). Groepen met minder
                  dan {data.minGroup} afnames zijn gemarkeerd: {TOO_SMALL_LABEL}.
                </p>
              </div>
              <div>
                <table className="figures" aria-label="Redenen">
                  <thead>
                    <tr>
                      <th scope="col">Reden</th>
                      <th scope="col">Soort</th>
                      <th scope="col">Afnames</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reasons.map((reason) => (
                      <tr key={`${reason.kind}:${reason.code}`} data-code={reason.code}>
                        <th scope="row">{reason.label}</th>
                        <td>{ENDING_KIND_LABELS[reason.kind]}</td>
                        <td>{formatCount(reason.n)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {data.reasons.length === 0 && (
                  <p className="muted">Geen afwijkende afnames bij deze filters.</p>
                )}
                <Pager page={reasonPage} pages={reasonPages} onPage={setReasonPage} label="Redenen" />
              </div>
            </div>
          );
        }}
      </Loaded>
    </Panel>
  );
}
