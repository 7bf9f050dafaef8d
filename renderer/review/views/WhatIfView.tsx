import { useState } from 'react';
import { ROUTE_LABELS, type ReviewFilters } from '../../../src/shared/review';
import { useCall } from '../api/use-resource';
import { formatCount } from '../format';
import { ExportLink, Loaded, Panel } from '../parts/common';
import { CesuurEvidence } from '../parts/CutEvidence';
import { Histogram } from '../parts/Histogram';
import { ConformTableView } from '../parts/tables';

type Row = { total: number; changed: number; naarHaalbaar: number; naarNietHaalbaar: number };

function ChangeTable({ label, rows }: { label: string; rows: Array<Row & { key: string; name: string }> }) {
  return (
    <table className="figures" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{label.startsWith('Per scoreband') ? 'Score' : 'Leerroute'}</th>
          <th scope="col">Uitslagen</th>
          <th scope="col">Andere uitkomst</th>
          <th scope="col">Naar haalbaar</th>
          <th scope="col">Naar niet haalbaar</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.key === 'totaal' ? 'sum' : undefined}>
            <th scope="row">{row.name}</th>
            <td>{formatCount(row.total)}</td>
            <td data-col="changed">
              <strong>{formatCount(row.changed)}</strong>
            </td>
            <td>{formatCount(row.naarHaalbaar)}</td>
            <td>{formatCount(row.naarNietHaalbaar)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Choose another cesuur and see how many results would get another outcome, per band and per route. */
export function WhatIfView({ filters }: { filters: ReviewFilters }) {
  const [draft, setDraft] = useState('31');
  const [cesuur, setCesuur] = useState(31);
  const whatIf = useCall('whatIf', { query: { ...filters, cesuur } });
  const distribution = useCall('distribution', { query: { ...filters, cesuur } });
  const parsed = Number(draft);
  const valid = Number.isInteger(parsed) && parsed >= 0 && parsed <= 40;

  return (
    <div className="grid-whatif">
      <Panel title="Andere cesuur kiezen" className="whatif-head">
        <div className="whatif-head-body">
          <div>
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (valid) setCesuur(parsed);
              }}
            >
              <label className="inline-field">
                Cesuur
                <input
                  type="number"
                  min={0}
                  max={40}
                  value={draft}
                  onChange={(event) => setDraft(event.target.value)}
                  aria-invalid={!valid}
                />
              </label>
              <button type="submit" className="primary" disabled={!valid}>
                Bereken
              </button>
              <ExportLink view="what-if" label="Download CSV" filters={filters} extra={{ cesuur }} />
            </form>
            <Loaded resource={whatIf}>
              {(data) => (
                <p className="headline" role="status" data-testid="what-if-total">
                  Met cesuur <strong>{data.cesuur}</strong> krijgen{' '}
                  <strong>{formatCount(data.total.changed)}</strong> van de {formatCount(data.total.total)}{' '}
                  uitslagen een andere uitkomst ({formatCount(data.total.naarHaalbaar)} naar haalbaar,{' '}
                  {formatCount(data.total.naarNietHaalbaar)} naar niet haalbaar).
                </p>
              )}
            </Loaded>
          </div>
          <Loaded resource={whatIf}>{(data) => <CesuurEvidence calibration={data.calibration} />}</Loaded>
        </div>
      </Panel>
      <Loaded resource={whatIf}>
        {(data) => (
          <>
            <Panel title="Per scoreband">
              <ChangeTable
                label="Per scoreband, met de nieuwe cesuur"
                rows={[
                  ...data.byBand.map((row) => ({ ...row, key: row.band.key, name: row.band.label })),
                  { ...data.total, key: 'totaal', name: 'Totaal' },
                ]}
              />
            </Panel>
            <Panel title="Per leerroute">
              <ChangeTable
                label="Per leerroute, met de nieuwe cesuur"
                rows={[
                  ...data.byRoute.map((row) => ({ ...row, key: row.route, name: ROUTE_LABELS[row.route] })),
                  { ...data.total, key: 'totaal', name: 'Totaal' },
                ]}
              />
            </Panel>
            <Panel title="Conform uitslag met de nieuwe cesuur">
              <ConformTableView
                conform={data.conform}
                caption="Conform of anders dan uitslag met de nieuwe cesuur"
              />
            </Panel>
          </>
        )}
      </Loaded>
      <Panel title="Scores met de nieuwe cesuur" className="whatif-chart">
        <Loaded resource={distribution}>
          {(data) => (
            <Histogram
              bins={data.histogram}
              max={data.max}
              cesuur={cesuur}
              twijfelzone={null}
              title={`Aantal toetsen per ruwe score met cesuur ${cesuur}`}
            />
          )}
        </Loaded>
      </Panel>
    </div>
  );
}
