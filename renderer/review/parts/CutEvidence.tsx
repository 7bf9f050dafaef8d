import { useId } from 'react';
import type { CutEvidenceResponse } from '../../../src/shared/review';
import { formatCount, formatDate, formatOne, formatPct, formatTwo } from '../format';

/**
 * What the calibration says about a cesuur (the service computes it: src/server/review/cut-evidence.ts). The
 * what-if view shows it beside its counts, the distribution view under its twijfelzone; this file only lays out.
 */

type Pkg = NonNullable<CutEvidenceResponse['package']>;
type Evidence = NonNullable<CutEvidenceResponse['evidence']>;

const percent = (p: number | null) => (p === null ? '–' : formatPct(Math.round(p * 1000) / 10));

function packageText(pkg: Pkg): string {
  return `${pkg.packageId} ${pkg.version} · ${pkg.statusText}`;
}

function calibrationText(evidence: Evidence): string {
  return `${formatCount(evidence.sittings)} afnames, ${formatDate(evidence.calibratedAt)}`;
}

/** The what-if view: the figures at the cesuur tried, and per score around it how likely it belongs above. */
export function CesuurEvidence({ calibration }: { calibration: CutEvidenceResponse }) {
  const { package: pkg, evidence, note } = calibration;
  if (!pkg) return null;
  return (
    <section className="cut-evidence" aria-label="Wat de kalibratie zegt over deze cesuur">
      <p className="cut-evidence-source">
        Kalibratie van <strong>{packageText(pkg)}</strong>
        {evidence && <>: {calibrationText(evidence)}</>}
      </p>
      {note && (
        <p className="cut-evidence-note" role="note">
          {note}
        </p>
      )}
      {evidence && (
        <>
          <dl className="cut-figures" aria-label={`Cijfers bij cesuur ${evidence.cesuur}`}>
            <div>
              <dt>Vaardigheid bij score {evidence.cesuur}</dt>
              <dd>{formatTwo(evidence.abilityAtCesuur)} logit</dd>
            </div>
            <div>
              <dt>Meetfout bij de cesuur</dt>
              <dd>{formatOne(evidence.semRaw)} punten</dd>
            </div>
            <div>
              <dt>Juist ingedeeld</dt>
              <dd data-testid="what-if-accuracy">{percent(evidence.accuracy)}</dd>
            </div>
            <div>
              <dt>Zelfde bij herhaling</dt>
              <dd>{percent(evidence.consistency)}</dd>
            </div>
          </dl>
          <table
            className="figures cut-zone"
            aria-label="Kans dat een kandidaat met deze score boven de cesuur hoort"
          >
            <thead>
              <tr>
                <th scope="row">Score</th>
                {evidence.byRaw.map((row) => (
                  <th scope="col" key={row.raw}>
                    {row.raw}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Hoort boven de cesuur</th>
                {evidence.byRaw.map((row) => (
                  <td key={row.raw} title={row.sentence}>
                    {percent(row.probability)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The distribution view: per score in the twijfelzone the plain-Dutch sentence; nothing without a calibration. */
export function TwijfelzoneCertainty({ certainty }: { certainty: CutEvidenceResponse }) {
  const { package: pkg, evidence, note } = certainty;
  const id = useId();
  if (!pkg || (!evidence && !note)) return null;
  return (
    <section className="twijfelzone-certainty" aria-labelledby={id}>
      <h3 id={id}>Hoe zeker is een score in de twijfelzone?</h3>
      {note && (
        <>
          <p className="cut-evidence-note" role="note">
            {note}
          </p>
          <p className="footnote">Toetspakket {packageText(pkg)}.</p>
        </>
      )}
      {evidence && (
        <>
          <ul className="certainty-list" aria-label="Per score in de twijfelzone">
            {evidence.byRaw.map((row) => (
              <li key={row.raw}>
                <strong>Score {row.raw}:</strong> {row.sentence}
              </li>
            ))}
          </ul>
          <p className="footnote">
            Uit de kalibratie van {packageText(pkg)}, {calibrationText(evidence)}.
          </p>
        </>
      )}
    </section>
  );
}
