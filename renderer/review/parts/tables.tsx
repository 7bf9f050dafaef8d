import { useState } from 'react';
import { ROUTE_LABELS, type ConformTable, type DistributionResponse } from '../../../src/shared/review';
import { formatCount, formatPct } from '../format';

const ROUTE_ORDER = ['B1', 'O', 'Z', 'onbekend'] as const;

/** The DUO-style table: score bands (following the cesuur) by chosen leerroute, counts with a percentage. */
export function BandTable({ distribution }: { distribution: DistributionResponse }) {
  const [per, setPer] = useState<'band' | 'route'>('band');
  const total = distribution.total;
  const routeTotal = (route: string) =>
    distribution.routeTotals.find((entry) => entry.route === route)?.count ?? 0;
  return (
    <>
      <label className="inline-field">
        Percentage van
        <select
          aria-label="Percentage van"
          value={per}
          onChange={(event) => setPer(event.target.value as 'band' | 'route')}
        >
          <option value="band">de scoreband (rij)</option>
          <option value="route">de leerroute (kolom)</option>
        </select>
      </label>
      <table className="figures" aria-label="Scoreband per leerroute">
        <thead>
          <tr>
            <th scope="col">Score</th>
            {ROUTE_ORDER.map((route) => (
              <th scope="col" key={route}>
                {ROUTE_LABELS[route]}
              </th>
            ))}
            <th scope="col">Totaal</th>
          </tr>
        </thead>
        <tbody>
          {distribution.bands.map((row) => (
            <tr key={row.band.key}>
              <th scope="row">{row.band.label}</th>
              {ROUTE_ORDER.map((route) => {
                const cell = row.cells.find((candidate) => candidate.route === route);
                return (
                  <td key={route} data-route={route}>
                    <span className="count">{formatCount(cell?.count ?? 0)}</span>
                    <span className="pct">
                      {formatPct((per === 'band' ? cell?.pctOfBand : cell?.pctOfRoute) ?? null)}
                    </span>
                  </td>
                );
              })}
              <td data-route="totaal">
                <span className="count">{formatCount(row.total)}</span>
                <span className="pct">{formatPct(row.pctOfTotal)}</span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totaal</th>
            {ROUTE_ORDER.map((route) => (
              <td key={route} data-route={route}>
                <span className="count">{formatCount(routeTotal(route))}</span>
                <span className="pct">
                  {formatPct(total ? Math.round((routeTotal(route) / total) * 1000) / 10 : null)}
                </span>
              </td>
            ))}
            <td data-route="totaal">
              <span className="count">{formatCount(total)}</span>
              <span className="pct">{formatPct(total ? 100 : null)}</span>
            </td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}

/** "Ingedeeld conform uitslag" against "anders dan uitslag", per chosen route (recorded routes only). */
export function ConformTableView({
  conform,
  caption = 'Conform of anders dan uitslag',
  stacked = false,
}: {
  conform: ConformTable;
  caption?: string;
  /** Percentages under the counts, for a narrow column. */
  stacked?: boolean;
}) {
  const rows = [
    ...conform.rows.map((row) => ({ key: row.route, label: ROUTE_LABELS[row.route], ...row })),
    { key: 'totaal', label: 'Totaal', ...conform.total },
  ];
  return (
    <table className={stacked ? 'figures stacked' : 'figures'} aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">Leerroute</th>
          <th scope="col">Conform uitslag</th>
          <th scope="col">Anders dan uitslag</th>
          <th scope="col">Totaal</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.key === 'totaal' ? 'sum' : undefined}>
            <th scope="row">{row.label}</th>
            <td data-col="conform">
              <span className="count">{formatCount(row.conform)}</span>
              <span className="pct">{formatPct(row.pctConform)}</span>
            </td>
            <td data-col="anders">
              <span className="count">{formatCount(row.anders)}</span>
              <span className="pct">{formatPct(row.pctAnders)}</span>
            </td>
            <td data-col="totaal">
              <span className="count">{formatCount(row.total)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
