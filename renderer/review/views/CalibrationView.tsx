import { useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from 'recharts';
import { classificationAccuracy } from '../../../src/shared/psychometrics/classification';
import type { CalibrationResponse } from '../../../src/shared/review';
import { formatCount, formatDate, formatDateTime, formatOne, formatPct, formatTwo } from '../format';
import { Panel, SrOnly } from '../parts/common';
import { Pager } from '../parts/Pager';

/** The usual band of infit and outfit mean squares (docs/PSYCHOMETRICS.md): outside it an item is flagged. */
const FIT_LOW = 0.7;
const FIT_HIGH = 1.3;
const FIT_ROWS = 18;
const COLOR = { item: '#1f5f8b', person: '#8a9bb0', flagged: '#b23a2e', info: '#2f7d6d', sem: '#6b5ca5' };

type Calibration = CalibrationResponse['record'];

const flagged = (item: { infit: number; outfit: number }) =>
  item.infit < FIT_LOW || item.infit > FIT_HIGH || item.outfit < FIT_LOW || item.outfit > FIT_HIGH;

/** The logit range the item map shows: every item's interval and every ability that candidates had. */
function logitDomain(record: Calibration): [number, number] {
  const values = [
    ...record.report.items.flatMap((i) => [i.difficulty - 2 * i.se, i.difficulty + 2 * i.se]),
    ...record.report.abilityTable
      .filter((row) => (record.data.rawScoreCounts[row.raw] ?? 0) > 0)
      .map((r) => r.theta),
  ];
  return [Math.floor(Math.min(...values)), Math.ceil(Math.max(...values))];
}

/** Items' difficulties with 95% intervals (below) on the same logit scale as the candidates' abilities (above). */
function ItemMap({ record }: { record: Calibration }) {
  const domain = logitDomain(record);
  const persons = record.report.abilityTable.map((row) => ({
    theta: row.theta,
    count: record.data.rawScoreCounts[row.raw] ?? 0,
  }));
  const items = [...record.report.items]
    .sort((a, b) => a.difficulty - b.difficulty)
    .map((item, rank) => ({ ...item, rank: rank + 1, interval: 1.96 * item.se }));
  const ticks = Array.from({ length: domain[1] - domain[0] + 1 }, (_, i) => domain[0] + i);
  return (
    <>
      <figure className="chart item-map-persons" aria-label="Vaardigheid van de kandidaten">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={persons} margin={{ top: 4, right: 12, bottom: 0, left: -8 }}>
            <CartesianGrid vertical={false} stroke="#e3e0d8" />
            <XAxis dataKey="theta" type="number" domain={domain} ticks={ticks} hide />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={52} />
            <Bar dataKey="count" fill={COLOR.person} barSize={5} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart item-map-items" aria-label="Moeilijkheid van de opgaven met 95%-interval">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 4, right: 12, bottom: 14, left: -8 }}>
            <CartesianGrid stroke="#e3e0d8" />
            <XAxis
              dataKey="difficulty"
              type="number"
              domain={domain}
              ticks={ticks}
              tick={{ fontSize: 12 }}
              label={{ value: 'logits', position: 'insideBottomRight', offset: -8, fontSize: 12 }}
            />
            <YAxis dataKey="rank" type="number" domain={[0, items.length + 1]} hide />
            <Scatter data={items} fill={COLOR.item} isAnimationActive={false} shape="circle">
              <ErrorBar
                dataKey="interval"
                direction="x"
                width={0}
                stroke={COLOR.item}
                isAnimationActive={false}
              />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </figure>
    </>
  );
}

/** Test information and the SEM in score points along the score scale, with the cesuur. */
function InformationChart({ record, cesuur }: { record: Calibration; cesuur: number }) {
  const k = record.report.items.length;
  const data = record.report.information.map((point) => ({
    score: Math.round(point.trueScore * 100) / 100,
    information: point.information,
    semRaw: point.semRaw,
  }));
  return (
    <figure className="chart" aria-label="Testinformatie en meetfout langs de score">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 16, right: 8, bottom: 14, left: -8 }}>
          <CartesianGrid stroke="#e3e0d8" />
          <XAxis
            dataKey="score"
            type="number"
            domain={[0, k]}
            ticks={[0, 10, 20, 30, 40].filter((t) => t <= k)}
            tick={{ fontSize: 12 }}
            label={{ value: 'score', position: 'insideBottomRight', offset: -8, fontSize: 12 }}
          />
          <YAxis yAxisId="info" tick={{ fontSize: 12 }} width={44} />
          <YAxis yAxisId="sem" orientation="right" tick={{ fontSize: 12 }} width={36} />
          <ReferenceLine
            yAxisId="info"
            x={cesuur}
            stroke={COLOR.flagged}
            strokeWidth={2}
            label={{ value: `cesuur ${cesuur}`, position: 'top', fill: COLOR.flagged, fontSize: 12 }}
          />
          <Line
            yAxisId="info"
            dataKey="information"
            stroke={COLOR.info}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="sem"
            dataKey="semRaw"
            stroke={COLOR.sem}
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

function FitTable({
  record,
  rows,
  caption,
}: {
  record: Calibration;
  rows: Calibration['report']['items'];
  caption: string;
}) {
  return (
    <table className="figures compact" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">Opgave</th>
          <th scope="col">Moeilijkheid</th>
          <th scope="col">SE</th>
          <th scope="col">Infit</th>
          <th scope="col">Outfit</th>
          <th scope="col">p</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((item) => (
          <tr key={item.itemId} className={flagged(item) ? 'flagged' : undefined}>
            <th scope="row">
              {record.report.items.indexOf(item) + 1}. {item.itemId}
              {flagged(item) && <span className="flag"> (past slecht)</span>}
            </th>
            <td>{formatTwo(item.difficulty)}</td>
            <td>{formatTwo(item.se)}</td>
            <td>{formatTwo(item.infit)}</td>
            <td>{formatTwo(item.outfit)}</td>
            <td>{formatTwo(item.pValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Kalibratie view: item map, information and SEM, fit, reliability, data snapshot and signature. */
export function CalibrationView({ data, cesuur }: { data: CalibrationResponse; cesuur: number }) {
  const { record } = data;
  const { report } = record;
  const [page, setPage] = useState(0);
  const ordered = [...report.items].sort((a, b) => Number(flagged(b)) - Number(flagged(a)));
  const pages = Math.ceil(ordered.length / FIT_ROWS);
  const misfits = report.items.filter(flagged).length;
  const excluded = report.snapshot.excluded;
  // How sure the advice is at this cesuur (Rudner's method on this calibration): the share of candidates put on
  // their true side of the cesuur, and the share a second sitting would put on the same side.
  const classification = classificationAt(record, cesuur);
  return (
    <div className="grid-calibration calibration-print">
      <p className="print-only">
        Kalibratierapport {record.reportId}, itempakket {report.snapshot.packageHash}, uitslagen-hash{' '}
        {record.data.resultIdsSha256}, ondertekend met sleutel {data.keyId}.
      </p>
      <Panel
        title="Itemkaart"
        className="span-rows"
        actions={
          <button type="button" onClick={() => window.print()}>
            Afdrukken of PDF
          </button>
        }
      >
        <p className="footnote">
          Boven: hoeveel kandidaten welke vaardigheid hadden. Onder: de moeilijkheid van elke opgave (punt)
          met 95%-interval (streep). Een opgave rechts is moeilijker.
        </p>
        <ItemMap record={record} />
        <SrOnly>
          <FitTable record={record} rows={report.items} caption="Moeilijkheid per opgave" />
        </SrOnly>
      </Panel>
      <Panel title="Testinformatie en meetfout">
        <ul className="legend">
          <li>
            <span className="swatch" style={{ background: COLOR.info }} /> informatie (links)
          </li>
          <li>
            <span className="swatch" style={{ background: COLOR.sem }} /> meetfout in scorepunten (rechts)
          </li>
        </ul>
        <InformationChart record={record} cesuur={cesuur} />
        <p className="footnote">
          Waar de informatie hoog is, meet de toets nauwkeurig; daar is de meetfout klein.
        </p>
      </Panel>
      <Panel title="Passing van de opgaven" className="span-rows fit-panel">
        <p className="summary">
          {misfits === 0
            ? `Alle ${report.items.length} opgaven passen (infit en outfit tussen 0,7 en 1,3).`
            : `${misfits} van ${report.items.length} opgaven buiten 0,7-1,3: bekijk ze, maar verwijder niets op dit cijfer alleen.`}
        </p>
        <div className="screen-only">
          <FitTable
            record={record}
            rows={ordered.slice(page * FIT_ROWS, (page + 1) * FIT_ROWS)}
            caption="Passing per opgave"
          />
          <Pager page={page} pages={pages} onPage={setPage} label="Passing per opgave" />
        </div>
        <div className="print-only">
          <FitTable record={record} rows={report.items} caption="Passing per opgave (alle)" />
        </div>
      </Panel>
      <Panel title="Betrouwbaarheid en gegevens">
        <div className="two-lists">
          <dl className="figures-list" aria-label="Betrouwbaarheid">
            <dt>KR-20</dt>
            <dd>{formatTwo(report.kr20)}</dd>
            <dt>Scheiding (personen)</dt>
            <dd>{formatTwo(report.personSeparationReliability)}</dd>
            <dt>SD van de score</dt>
            <dd>{formatTwo(report.rawScoreSd)}</dd>
            <dt>Meetfout (SEM)</dt>
            <dd>{formatOne(report.classicalSem)}</dd>
            <dt>Juist ingedeeld bij cesuur {cesuur}</dt>
            <dd data-testid="classification-accuracy">
              {classification ? formatPct(Math.round(classification.accuracy * 1000) / 10) : '–'}
            </dd>
            <dt>Zelfde indeling bij herhaling</dt>
            <dd>{classification ? formatPct(Math.round(classification.consistency * 1000) / 10) : '–'}</dd>
          </dl>
          <dl className="figures-list" aria-label="Gegevens en handtekening">
            <dt>Afnames gebruikt</dt>
            <dd>{formatCount(record.data.resultCount)}</dd>
            <dt>Weggelaten</dt>
            <dd>
              {formatCount(
                excluded.aborted + excluded.incomplete + excluded.scoreMismatch + excluded.fastAnswers,
              )}
            </dd>
            <dt>Eerste afname</dt>
            <dd>{formatDate(report.snapshot.from)}</dd>
            <dt>Laatste afname</dt>
            <dd>{formatDate(report.snapshot.to)}</dd>
            <dt>Handtekening</dt>
            <dd className="ok">geldig</dd>
          </dl>
        </div>
        <p className="footnote">
          Gekalibreerd {formatDateTime(report.snapshot.createdAt)} door {record.createdBy}; weggelaten:{' '}
          {excluded.aborted} afgebroken, {excluded.incomplete} onvolledig, {excluded.scoreMismatch}{' '}
          scoreverschil, {excluded.fastAnswers} te snel. Uitslagen-hash{' '}
          {record.data.resultIdsSha256.slice(0, 12)}…, sleutel {data.keyId.slice(0, 12)}…
        </p>
      </Panel>
    </div>
  );
}

/** Expected classification accuracy and consistency at the cesuur, or null when this calibration cannot say. */
function classificationAt(record: Calibration, cesuur: number) {
  const { report } = record;
  try {
    return classificationAccuracy(
      cesuur,
      report.items.map((item) => item.difficulty),
      report.abilityTable,
      record.data.rawScoreCounts,
    );
  } catch {
    return null;
  }
}
