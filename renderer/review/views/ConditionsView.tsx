import { useId, useState } from 'react';
import {
  CONDITION_LABELS,
  TOO_SMALL_LABEL,
  type ConditionDimension,
  type ReviewFilters,
} from '../../../src/shared/review';
import { useCall } from '../api/use-resource';
import { formatCount, formatOne, formatPct } from '../format';
import { ExportLink, Loaded, Panel } from '../parts/common';
import { Histogram } from '../parts/Histogram';
import { Pager } from '../parts/Pager';

const PER_PAGE = 6;
const BAND_SHORT = {
  'onder-20': '<20',
  'onder-cesuur': 'onder c.',
  'rond-cesuur': 'rond c.',
  boven: 'boven',
} as const;

/** The distribution split by one afnameconditie at a time; small groups are marked, not hidden. */
export function ConditionsView({ filters }: { filters: ReviewFilters }) {
  const [dimension, setDimension] = useState<ConditionDimension>('inputType');
  const [page, setPage] = useState(0);
  const menuId = useId();
  const conditions = useCall('conditions', { query: filters });

  return (
    <Panel
      title="Uitslagen per afnameconditie"
      className="fill"
      actions={<ExportLink view="conditions" label="Download CSV" filters={filters} />}
    >
      {/* A menu, not a row of buttons: sixteen conditions do not fit one row at 1366 px. */}
      <div className="field split-by">
        <label htmlFor={menuId}>Splitsen naar</label>
        <select
          id={menuId}
          value={dimension}
          onChange={(event) => {
            setDimension(event.target.value as ConditionDimension);
            setPage(0);
          }}
        >
          {(Object.keys(CONDITION_LABELS) as ConditionDimension[]).map((key) => (
            <option key={key} value={key}>
              {CONDITION_LABELS[key]}
            </option>
          ))}
        </select>
      </div>
      <Loaded resource={conditions}>
        {(data) => {
          const groups = data.dimensions.find((entry) => entry.dimension === dimension)?.groups ?? [];
          const pages = Math.max(1, Math.ceil(groups.length / PER_PAGE));
          const shown = groups.slice(page * PER_PAGE, page * PER_PAGE + PER_PAGE);
          const pilots = groups.some((group) => group.withoutAdvice > 0);
          return (
            <>
              <p className="footnote">
                Groepen met minder dan {data.minGroup} uitslagen zijn gemarkeerd: {TOO_SMALL_LABEL}. Cesuur{' '}
                {data.cesuur}.
                {pilots && ' Proefafnames (geen advies) tellen niet mee in het percentage haalbaar.'}
              </p>
              {groups.length === 0 && <p className="muted">Geen uitslagen bij deze filters.</p>}
              <ul className="cards" aria-label={`Groepen: ${CONDITION_LABELS[dimension]}`}>
                {shown.map((group) => (
                  <li key={group.value} className={group.tooSmall ? 'card too-small' : 'card'}>
                    <h3>{group.label}</h3>
                    <p className="card-figures">
                      <span>
                        n = <strong>{formatCount(group.n)}</strong>
                      </span>
                      <span>gem. {formatOne(group.mean)}</span>
                      <span>haalbaar {formatPct(group.pctHaalbaar)}</span>
                    </p>
                    {group.tooSmall && <p className="badge">{TOO_SMALL_LABEL}</p>}
                    <Histogram
                      compact
                      bins={group.histogram}
                      max={data.max}
                      cesuur={data.cesuur}
                      twijfelzone={null}
                      title={`Scores bij ${group.label}`}
                    />
                    <p className="card-bands">
                      {group.bands.map((band) => (
                        <span key={band.band}>
                          {BAND_SHORT[band.band]}: {formatCount(band.count)}
                        </span>
                      ))}
                    </p>
                  </li>
                ))}
              </ul>
              <Pager page={page} pages={pages} onPage={setPage} label="Groepen" />
            </>
          );
        }}
      </Loaded>
    </Panel>
  );
}
