import { type ReviewFilters } from '../../../src/shared/review';
import { useCall } from '../api/use-resource';
import { formatCount } from '../format';
import { ExportLink, Loaded, Panel, SrOnly } from '../parts/common';
import { TwijfelzoneCertainty } from '../parts/CutEvidence';
import { Histogram } from '../parts/Histogram';
import { BandTable, ConformTableView } from '../parts/tables';

/** Raw scores near the cesuur, and the DUO-style band-by-route and conform tables. */
export function DistributionView({ filters }: { filters: ReviewFilters }) {
  const distribution = useCall('distribution', { query: filters });
  // Its own request: the calibration behind it may take a moment, and the histogram need not wait for it.
  const certainty = useCall('twijfelzone', { query: filters });
  return (
    <Loaded resource={distribution}>
      {(data) => (
        <div className="grid-distribution">
          <Panel
            title="Ruwe scores"
            className="span-rows"
            actions={<ExportLink view="distribution" label="Download CSV" filters={filters} />}
          >
            <p className="summary">
              <strong>{formatCount(data.total)}</strong> afgeronde toetsen · cesuur{' '}
              <strong>{data.cesuur}</strong>
              {data.twijfelzone && (
                <>
                  {' '}
                  · twijfelzone <strong>{data.twijfelzone.from}</strong> t/m{' '}
                  <strong>{data.twijfelzone.to}</strong>
                </>
              )}
              {data.cesuurValues.length > 1 && (
                <span className="warn">
                  {' '}
                  · let op: deze selectie bevat uitslagen met verschillende cesuren (
                  {data.cesuurValues
                    .map((entry) => `${entry.cesuur}: ${formatCount(entry.count)}`)
                    .join(', ')}
                  )
                </span>
              )}
            </p>
            <Histogram
              bins={data.histogram}
              max={data.max}
              cesuur={data.cesuur}
              twijfelzone={data.twijfelzone}
              title={`Aantal toetsen per ruwe score, 0 tot ${data.max}`}
            />
            <Legend />
            {certainty.state === 'error' && (
              <p className="error" role="alert">
                {certainty.error.message}
              </p>
            )}
            {certainty.data && <TwijfelzoneCertainty certainty={certainty.data} />}
            <SrOnly>
              <table aria-label="Aantal per score">
                <thead>
                  <tr>
                    <th scope="col">Score</th>
                    <th scope="col">Aantal</th>
                  </tr>
                </thead>
                <tbody>
                  {Array.from({ length: data.max + 1 }, (_, raw) => (
                    <tr key={raw}>
                      <th scope="row">{raw}</th>
                      <td>{data.histogram.find((bin) => bin.raw === raw)?.count ?? 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </SrOnly>
          </Panel>
          <Panel title="Scoreband per leerroute">
            <BandTable distribution={data} />
          </Panel>
          <Panel
            title="Ingedeeld conform uitslag"
            actions={<ExportLink view="conform" label="Download CSV" filters={filters} />}
          >
            <ConformTableView conform={data.conform} />
            <p className="footnote">
              Conform: score vanaf de cesuur in de B1- of Onderwijsroute, of onder de cesuur in de Z-route.
              Alleen uitslagen met een vastgelegde leerroute tellen mee.
            </p>
          </Panel>
        </div>
      )}
    </Loaded>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Legenda">
      <li>
        <span className="swatch below" /> onder de cesuur
      </li>
      <li>
        <span className="swatch above" /> vanaf de cesuur
      </li>
      <li>
        <span className="swatch zone" /> twijfelzone
      </li>
      <li>
        <span className="swatch line" /> cesuur
      </li>
    </ul>
  );
}
