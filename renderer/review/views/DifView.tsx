import { useState } from 'react';
import {
  CartesianGrid,
  Cell,
  ErrorBar,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from 'recharts';
import type { CalibrationRecord } from '../../../src/shared/review';
import type { DifComparison } from '../../../src/shared/psychometrics';
import type { Doelgroep } from '../../../src/shared/session/event-parts';
import { DOELGROEP_LABELS, formatCount, formatOne, formatTwo, LANGUAGE_LABELS } from '../format';
import { Panel, SrOnly } from '../parts/common';

/** What each condition is called for a gemeente. */
const CONDITION_LABELS: Record<DifComparison['condition'], string> = {
  language: 'Instructietaal',
  inputType: 'Invoer',
  interpreter: 'Tolk',
  doelgroep: 'Doelgroep',
  groupSize: 'Groepsgrootte',
  deviceModel: 'Apparaat',
  afnemer: 'Afnemer',
};

/** ETS classes: A negligible, B moderate, C large (docs/PSYCHOMETRICS.md). */
const CLASS_COLORS = { A: '#2f7d6d', B: '#c07a12', C: '#b23a2e' } as const;
const CLASS_LABELS = { A: 'A: verwaarloosbaar', B: 'B: matig', C: 'C: groot' } as const;

/** A group's label as the dashboard elsewhere says it: languages and doelgroepen by name, the rest as stored. */
function groupLabel(condition: DifComparison['condition'], group: string): string {
  if (condition === 'language') return LANGUAGE_LABELS[group] ?? group;
  if (condition === 'doelgroep') return DOELGROEP_LABELS[group as Doelgroep] ?? group;
  return group;
}

const name = (c: DifComparison) =>
  `${CONDITION_LABELS[c.condition]}: ${groupLabel(c.condition, c.focal)} tegenover ${groupLabel(c.condition, c.reference)}`;

/** MH D-DIF per item with its 95% interval, coloured by ETS class; negative = harder for the focal group. */
function ForestPlot({ comparison }: { comparison: DifComparison }) {
  const points = comparison.items.flatMap((item, index) =>
    item.class !== 'te weinig gegevens' && item.deltaMh !== null && item.se !== null
      ? [{ position: index + 1, delta: item.deltaMh, interval: 1.96 * item.se, class: item.class }]
      : [],
  );
  const reach = Math.max(2, ...points.map((p) => Math.abs(p.delta) + p.interval));
  const limit = Math.ceil(reach);
  return (
    <figure className="chart" aria-label={`Forest plot ${name(comparison)}`}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: -12 }}>
          <CartesianGrid stroke="#e3e0d8" />
          <ReferenceArea x1={-1} x2={1} fill="#e6f1ec" fillOpacity={0.7} ifOverflow="hidden" />
          <XAxis
            dataKey="delta"
            type="number"
            domain={[-limit, limit]}
            tick={{ fontSize: 12 }}
            label={{ value: 'MH D-DIF', position: 'insideBottomRight', offset: -10, fontSize: 12 }}
          />
          <YAxis
            dataKey="position"
            type="number"
            reversed
            domain={[0, comparison.items.length + 1]}
            ticks={comparison.items.map((_, i) => i + 1).filter((p) => p % 5 === 0 || p === 1)}
            tick={{ fontSize: 11 }}
            width={40}
          />
          <ReferenceLine x={0} stroke="#56636d" />
          <ReferenceLine x={-1.5} stroke={CLASS_COLORS.C} strokeDasharray="4 3" />
          <ReferenceLine x={1.5} stroke={CLASS_COLORS.C} strokeDasharray="4 3" />
          <Scatter data={points} isAnimationActive={false} shape="circle">
            {points.map((p) => (
              <Cell key={p.position} fill={CLASS_COLORS[p.class]} />
            ))}
            <ErrorBar dataKey="interval" direction="x" width={0} stroke="#56636d" isAnimationActive={false} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

function ComparisonTable({ comparison }: { comparison: DifComparison }) {
  return (
    <table className="figures compact" aria-label={`DIF per opgave, ${name(comparison)}`}>
      <thead>
        <tr>
          <th scope="col">Opgave</th>
          <th scope="col">MH D-DIF</th>
          <th scope="col">95%-interval</th>
          <th scope="col">Klasse</th>
        </tr>
      </thead>
      <tbody>
        {comparison.items.map((item, index) => (
          <tr key={item.itemId}>
            <th scope="row">
              {index + 1}. {item.itemId}
            </th>
            <td>{formatTwo(item.deltaMh)}</td>
            <td>
              {item.deltaMh !== null && item.se !== null
                ? `${formatTwo(item.deltaMh - 1.96 * item.se)} tot ${formatTwo(item.deltaMh + 1.96 * item.se)}`
                : '–'}
            </td>
            <td>{item.class}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const effectText = (c: DifComparison) =>
  c.effect
    ? `${formatOne(c.effect.difference)} (${formatOne(c.effect.low)} tot ${formatOne(c.effect.high)})`
    : (c.effectNote ?? '–');

/** The DIF view: per condition comparison a forest plot, and the score difference at equal ability. */
export function DifView({ record }: { record: CalibrationRecord }) {
  const [chosen, setChosen] = useState(0);
  if (record.dif.length === 0)
    return (
      <p className="muted">
        Bij geen enkele afnameconditie zijn er twee groepen om te vergelijken: alle afnames zijn onder
        dezelfde omstandigheden gedaan, of die zijn niet vastgelegd.
      </p>
    );
  const comparison = record.dif[Math.min(chosen, record.dif.length - 1)]!;
  const tooFew = comparison.items.some((item) => item.class === 'te weinig gegevens');
  const counts = { A: 0, B: 0, C: 0 };
  for (const item of comparison.items) if (item.class !== 'te weinig gegevens') counts[item.class]++;
  return (
    <div className="grid-dif">
      <Panel title="Vergelijkingen">
        <table className="figures compact dif-comparisons" aria-label="Vergelijkingen per afnameconditie">
          <thead>
            <tr>
              <th scope="col">Conditie</th>
              <th scope="col">Aantallen</th>
              <th scope="col">B/C</th>
              <th scope="col">Scoreverschil bij gelijke vaardigheid (95%)</th>
            </tr>
          </thead>
          <tbody>
            {record.dif.map((c, index) => {
              const few = c.items.some((item) => item.class === 'te weinig gegevens');
              return (
                <tr key={index} aria-current={index === chosen ? 'true' : undefined}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => setChosen(index)}>
                      {name(c)}
                    </button>
                  </th>
                  <td>
                    {formatCount(c.focalCount)} / {formatCount(c.referenceCount)}
                  </td>
                  <td>{few ? '–' : c.items.filter((item) => item.class !== 'A').length}</td>
                  <td>{effectText(c)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="footnote">
          Het scoreverschil is het verschil in punten op de opgaven met DIF tussen kandidaten die op de
          overige opgaven even goed scoren; negatief betekent minder punten voor de eerste groep. Onder{' '}
          {formatCount(record.dif[0]!.minimumGroup)} afnames per groep: te weinig gegevens.
        </p>
      </Panel>
      <Panel title={name(comparison)}>
        <p className="summary">
          {formatCount(comparison.focalCount)} afnames {groupLabel(comparison.condition, comparison.focal)},{' '}
          {formatCount(comparison.referenceCount)} afnames{' '}
          {groupLabel(comparison.condition, comparison.reference)}.{' '}
          {tooFew
            ? `Te weinig gegevens: er zijn minstens ${comparison.minimumGroup} afnames per groep nodig.`
            : `Klasse A: ${counts.A}, B: ${counts.B}, C: ${counts.C}.`}
        </p>
        {tooFew ? (
          <p className="muted te-weinig">te weinig gegevens</p>
        ) : (
          <>
            <ul className="legend">
              {(['A', 'B', 'C'] as const).map((c) => (
                <li key={c}>
                  <span className="swatch" style={{ background: CLASS_COLORS[c] }} /> {CLASS_LABELS[c]}
                </li>
              ))}
              <li>links van 0: moeilijker voor {groupLabel(comparison.condition, comparison.focal)}</li>
            </ul>
            <ForestPlot comparison={comparison} />
          </>
        )}
        <SrOnly>
          <ComparisonTable comparison={comparison} />
        </SrOnly>
      </Panel>
    </div>
  );
}
