import type { ReliabilityResponse } from '../../../src/shared/review';
import { type ReviewFilters, type ReviewUser } from '../../../src/shared/review';
import { useCall } from '../api/use-resource';
import { formatCount, formatOne, formatTwo } from '../format';
import { Loaded, Panel } from '../parts/common';
import { ItemStatisticsTable } from '../parts/ItemStatisticsTable';

/** Where on the 0..max scale a value lies, as a CSS percentage. */
const at = (value: number, max: number) => `${Math.max(0, Math.min(100, (value / max) * 100))}%`;

function ZoneScale({ data }: { data: ReliabilityResponse }) {
  const max = 40;
  const configured = data.twijfelzoneConfigured;
  const sem = data.twijfelzoneSem;
  const bar = (from: number, to: number) => ({ left: at(from, max), width: at(to - from, max) });
  return (
    <div className="zone-scale" aria-hidden="true">
      <div className="zone-row">
        <span>ingesteld</span>
        <div className="track">
          {configured && (
            <div className="zone-bar configured" style={bar(configured.from - 0.5, configured.to + 0.5)} />
          )}
          <div className="cesuur" style={{ left: at(data.cesuur - 0.5, max) }} />
        </div>
      </div>
      <div className="zone-row">
        <span>± 1 SEM</span>
        <div className="track">
          {sem && <div className="zone-bar sem" style={bar(sem.from, sem.to)} />}
          <div className="cesuur" style={{ left: at(data.cesuur - 0.5, max) }} />
        </div>
      </div>
      <div className="zone-row">
        <span />
        <div className="ticks">
          {[0, 10, 20, 30, 40].map((tick) => (
            <span key={tick} style={{ left: at(tick, max) }}>
              {tick}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Classical test statistics of this gemeente's data, and the twijfelzone as cesuur ± 1 SEM. */
export function ReliabilityView({ filters, user }: { filters: ReviewFilters; user: ReviewUser }) {
  const reliability = useCall('reliability', { query: filters });
  return (
    <Loaded resource={reliability}>
      {(data) => (
        <div className="grid-reliability">
          <Panel title="Betrouwbaarheid">
            <dl className="figures-list" aria-label="Kengetallen">
              <dt>Afgeronde toetsen</dt>
              <dd>{formatCount(data.n)}</dd>
              <dt>Opgaven</dt>
              <dd>{data.items}</dd>
              <dt>Gemiddelde score</dt>
              <dd>{formatOne(data.mean)}</dd>
              <dt>Standaardafwijking</dt>
              <dd>{formatTwo(data.sd)}</dd>
              <dt>KR-20 (betrouwbaarheid)</dt>
              <dd>{formatTwo(data.kr20)}</dd>
              <dt>Meetfout (SEM)</dt>
              <dd>{formatTwo(data.sem)}</dd>
            </dl>
            <p className="footnote">
              De meetfout zegt hoeveel een score bij een nieuwe afname ongeveer kan verschillen. Een score
              binnen één meetfout van de cesuur is een twijfelgeval.
            </p>
          </Panel>
          <Panel title="Twijfelzone">
            <dl className="figures-list">
              <dt>Cesuur</dt>
              <dd>{data.cesuur}</dd>
              <dt>Ingestelde twijfelzone</dt>
              <dd>
                {data.twijfelzoneConfigured
                  ? `${data.twijfelzoneConfigured.from} t/m ${data.twijfelzoneConfigured.to}`
                  : '–'}
              </dd>
              <dt>Cesuur ± 1 meetfout</dt>
              <dd>
                {data.twijfelzoneSem
                  ? `${formatOne(data.twijfelzoneSem.from)} tot ${formatOne(data.twijfelzoneSem.to)}`
                  : '–'}
              </dd>
            </dl>
            <ZoneScale data={data} />
          </Panel>
          <Panel title="Opgaven" className="span-cols">
            {data.itemStatistics ? (
              <ItemStatisticsTable items={data.itemStatistics} />
            ) : (
              <p className="muted">
                {user.role === 'beheerder'
                  ? 'Nog geen gegevens per opgave.'
                  : 'De cijfers per opgave (p-waarden en item-restcorrelaties) zijn alleen zichtbaar voor beheerders.'}
              </p>
            )}
          </Panel>
        </div>
      )}
    </Loaded>
  );
}
