import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { CalibrationRecord } from '../../../src/shared/review';
import {
  angoffCut,
  bookmarkCut,
  orderedItemBooklet,
  parseAngoffCsv,
  type AngoffResult,
  type BookmarkResult,
} from '../../../src/shared/psychometrics';
import { formatOne, formatTwo } from '../format';
import { Panel } from '../parts/common';

type Outcome<T> = { ok: true; result: T } | { ok: false; errors: string[] } | null;

/** Reads an Angoff CSV against the calibrated items: every problem in Dutch, nothing computed until it is clean. */
function angoffOf(text: string, itemIds: readonly string[]): Outcome<AngoffResult> {
  const parsed = parseAngoffCsv(text);
  if (!parsed.ok) return parsed;
  const known = new Set(itemIds);
  const errors = [
    ...parsed.study.items
      .filter((id) => !known.has(id))
      .map((id) => `item ${id} staat niet in de kalibratie`),
    ...itemIds
      .filter((id) => !parsed.study.items.includes(id))
      .map((id) => `item ${id} ontbreekt in het bestand`),
  ];
  return errors.length ? { ok: false, errors } : { ok: true, result: angoffCut(parsed.study) };
}

/** One judge a line, "naam;pagina" (or a comma). */
function bookmarkOf(text: string, difficulties: readonly number[]): Outcome<BookmarkResult> {
  const errors: string[] = [];
  const judges = text
    .split(/\r?\n/)
    .map((line, n) => ({ line: line.trim(), at: n + 1 }))
    .filter(({ line }) => line !== '')
    .flatMap(({ line, at }) => {
      const [judge = '', page = ''] = line.split(/[;,]/).map((cell) => cell.trim());
      const number = Number(page);
      if (!judge || !Number.isInteger(number) || number < 1 || number > difficulties.length) {
        errors.push(`regel ${at}: schrijf "naam;pagina" met een pagina van 1 tot ${difficulties.length}`);
        return [];
      }
      return [{ judge, page: number }];
    });
  if (errors.length) return { ok: false, errors };
  if (judges.length < 2)
    return { ok: false, errors: ['er zijn minstens 2 beoordelaars nodig voor een standaardfout'] };
  try {
    return { ok: true, result: bookmarkCut({ judges }, difficulties) };
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
}

function Errors({ errors, label }: { errors: string[]; label: string }) {
  return (
    <ul className="error" role="alert" aria-label={label}>
      {errors.slice(0, 6).map((error) => (
        <li key={error}>{error}</li>
      ))}
      {errors.length > 6 && <li>en nog {errors.length - 6} andere problemen</li>}
    </ul>
  );
}

/** `se` is in the unit the panel judged in: score points (Angoff) or logits (bookmark). */
function Proposal({ cesuur, cut, se, seUnit }: { cesuur: number; cut: number; se: number; seUnit: string }) {
  return (
    <dl className="figures-list proposal" aria-label="Voorstel">
      <dt>Voorgestelde cesuur</dt>
      <dd>
        <strong>{cesuur}</strong>
      </dd>
      <dt>Grens van het panel</dt>
      <dd>{formatTwo(cut)} punten</dd>
      <dt>Standaardfout tussen beoordelaars</dt>
      <dd>
        {formatTwo(se)} {seUnit}
      </dd>
    </dl>
  );
}

/** The ordered item booklet: each page's RP67 location, with the judges' bookmarks. */
function BookletChart({ difficulties, pages }: { difficulties: readonly number[]; pages: number[] }) {
  const data = orderedItemBooklet(difficulties).map((entry, index) => ({
    page: index + 1,
    location: entry.location,
  }));
  return (
    <figure className="chart" aria-label="Opgaven op volgorde van moeilijkheid">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 14, left: -8 }}>
          <CartesianGrid stroke="#e3e0d8" />
          <XAxis
            dataKey="page"
            type="number"
            domain={[1, data.length]}
            tick={{ fontSize: 12 }}
            label={{ value: 'pagina', position: 'insideBottomRight', offset: -8, fontSize: 12 }}
          />
          <YAxis tick={{ fontSize: 12 }} width={44} />
          {pages.map((page, index) => (
            <ReferenceLine key={index} x={page} stroke="#b23a2e" strokeDasharray="4 3" />
          ))}
          <Line
            dataKey="location"
            stroke="#1f5f8b"
            strokeWidth={2}
            dot={{ r: 2 }}
            type="stepAfter"
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/**
 * Standaardbepaling: a modified-Angoff study from a CSV, and a bookmark study on the calibrated item order. The
 * outcome is a proposal; releasing a cesuur is a signed test-definition version made with `lbt definition release`.
 */
export function StandardSettingView({
  record,
  packageHash,
}: {
  record: CalibrationRecord;
  packageHash: string;
}) {
  const itemIds = record.report.items.map((item) => item.itemId);
  const difficulties = record.report.items.map((item) => item.difficulty);
  const [angoff, setAngoff] = useState<Outcome<AngoffResult>>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [bookmarks, setBookmarks] = useState('');
  const bookmark = bookmarks.trim() ? bookmarkOf(bookmarks, difficulties) : null;
  const proposed = angoff?.ok
    ? angoff.result.proposedCesuur
    : bookmark?.ok
      ? bookmark.result.proposedCesuur
      : null;

  return (
    <div className="grid-standard">
      <Panel title="Angoff-studie">
        <p className="footnote">
          Een CSV met de kop <code>beoordelaar,{itemIds[0]},…</code> en per beoordelaar een regel met per
          opgave de kans (0 tot 1) dat een kandidaat precies op de grens de opgave goed maakt. Scheiding{' '}
          <code>,</code> of <code>;</code> (dan met decimale komma).
        </p>
        <label className="field">
          Angoff-bestand (CSV)
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setAngoff(angoffOf(await file.text(), itemIds));
            }}
          />
        </label>
        {angoff && !angoff.ok && (
          <Errors errors={angoff.errors} label={`Fouten in ${fileName ?? 'het bestand'}`} />
        )}
        {angoff?.ok && (
          <>
            <Proposal
              cesuur={angoff.result.proposedCesuur}
              cut={angoff.result.cut}
              se={angoff.result.se}
              seUnit="punten"
            />
            <p className="footnote">
              {angoff.result.judgeCuts.length} beoordelaars; hun grenzen liggen van{' '}
              {formatOne(Math.min(...angoff.result.judgeCuts.map((j) => j.cut)))} tot{' '}
              {formatOne(Math.max(...angoff.result.judgeCuts.map((j) => j.cut)))} punten.
            </p>
          </>
        )}
      </Panel>
      <Panel title="Bookmark-studie" className="span-rows">
        <p className="footnote">
          De opgaven op volgorde van moeilijkheid uit deze kalibratie (plaats waar ze 2 op de 3 keer goed
          worden gemaakt). Elke beoordelaar legt een bladwijzer bij de laatste opgave die een kandidaat op de
          grens beheerst.
        </p>
        <BookletChart
          difficulties={difficulties}
          pages={bookmark?.ok ? bookmark.result.judgeCuts.map((j) => j.page) : []}
        />
        <label className="field">
          Bladwijzers (per regel: naam;pagina)
          <textarea rows={3} value={bookmarks} onChange={(event) => setBookmarks(event.target.value)} />
        </label>
        {bookmark && !bookmark.ok && <Errors errors={bookmark.errors} label="Fouten in de bladwijzers" />}
        {bookmark?.ok && (
          <Proposal
            cesuur={bookmark.result.proposedCesuur}
            cut={bookmark.result.trueScore}
            se={bookmark.result.se}
            seUnit="logits"
          />
        )}
      </Panel>
      <Panel title="Vaststellen">
        <p>
          Een voorstel is nog geen cesuur. De beheerder stelt een cesuur vast als nieuwe, ondertekende versie
          van de toetsdefinitie, met de opdrachtregel:
        </p>
        <pre className="command">
          lbt definition release --package {packageHash} --cesuur {proposed ?? '<cesuur>'}
        </pre>
        <p className="footnote">
          Uitslagen blijven beoordeeld met de versie waarmee ze zijn afgenomen. De precieze opties staan in{' '}
          <code>lbt definition release --help</code>.
        </p>
      </Panel>
    </div>
  );
}
