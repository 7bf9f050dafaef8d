import { useId, useState } from 'react';
import {
  MIN_CELL,
  ROUTE_LABELS,
  SUPPRESSED_LABEL,
  type NationalConditions,
  type NationalDistribution,
} from '../../../src/shared/review';
import { useCall } from '../api/use-resource';
import { formatCount, formatOne, formatPct } from '../format';
import { Loaded, Panel, SrOnly } from '../parts/common';
import { Histogram } from '../parts/Histogram';
import { Pager } from '../parts/Pager';
import '../national.css';

/** A published count: hidden ones read "< 10", never a number. */
const formatCell = (value: number | null): string => (value === null ? SUPPRESSED_LABEL : formatCount(value));

const PER_PAGE = 5;
const BAND_SHORT = {
  'onder-20': '<20',
  'onder-cesuur': 'onder c.',
  'rond-cesuur': 'rond c.',
  boven: 'boven',
};

/**
 * "Landelijk beeld" for the analist: the distribution, the band and conform tables and the condition splits over
 * all gemeenten or a chosen set, per month range. Only totals come from the service, with every count under 10
 * hidden (src/shared/review/national.ts); there is nothing here to click through to a result.
 */
export function NationalView() {
  const [chosen, setChosen] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // A period that runs backwards is said here in Dutch and not sent (the service would refuse it).
  const backwards = from !== '' && to !== '' && from > to;
  const query = {
    ...(chosen.length > 0 ? { gemeenten: chosen } : {}),
    ...(from && !backwards ? { from } : {}),
    ...(to && !backwards ? { to } : {}),
  };
  const distribution = useCall('nationalDistribution', { query });
  const conditions = useCall('nationalConditions', { query });

  return (
    <div className="national">
      <aside className="filters national-choice" aria-label="Selectie">
        <GemeenteChooser chosen={chosen} onChange={setChosen} />
        <fieldset className="period">
          <legend>Periode (hele maanden)</legend>
          <label className="field">
            Van
            <input type="month" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label className="field">
            Tot en met
            <input type="month" value={to} onChange={(event) => setTo(event.target.value)} />
          </label>
          {backwards && (
            <p className="error" role="alert">
              “Van” ligt na “tot en met”. Nu telt de hele periode.
            </p>
          )}
        </fieldset>
        <p className="footnote">
          Alleen totalen. Aantallen onder de {MIN_CELL} staan er als “{SUPPRESSED_LABEL}”, en soms ook een
          tweede aantal, zodat een verborgen aantal niet uit een totaal terug te rekenen is.
        </p>
      </aside>
      <div className="national-grid">
        <Loaded resource={distribution}>{(data) => <Distribution data={data} />}</Loaded>
        <Loaded resource={conditions}>{(data) => <Conditions data={data} />}</Loaded>
      </div>
    </div>
  );
}

function GemeenteChooser({ chosen, onChange }: { chosen: string[]; onChange: (next: string[]) => void }) {
  const options = useCall('nationalOptions', {});
  const [text, setText] = useState('');
  const listId = useId();
  const known = options.data?.gemeenten ?? [];
  const match = known.find((name) => name.toLowerCase() === text.trim().toLowerCase());
  const add = () => {
    if (match && !chosen.includes(match))
      onChange([...chosen, match].sort((a, b) => a.localeCompare(b, 'nl')));
    setText('');
  };
  const SHOWN = 6;
  return (
    <fieldset>
      <legend>Gemeenten</legend>
      <p className="choice-summary" aria-live="polite">
        {chosen.length === 0
          ? `Alle gemeenten (${formatCount(known.length)})`
          : `${chosen.length} van ${formatCount(known.length)} gemeenten`}
      </p>
      <form
        className="add-gemeente"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label className="field">
          Gemeente toevoegen
          <input
            list={listId}
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Naam van de gemeente"
          />
        </label>
        <datalist id={listId}>
          {known
            .filter((name) => !chosen.includes(name))
            .map((name) => (
              <option key={name} value={name} />
            ))}
        </datalist>
        <button type="submit" disabled={!match}>
          Toevoegen
        </button>
      </form>
      {chosen.length > 0 && (
        <>
          <ul className="chips" aria-label="Gekozen gemeenten">
            {chosen.slice(0, SHOWN).map((name) => (
              <li key={name}>
                {name}
                <button
                  type="button"
                  aria-label={`${name} weglaten`}
                  onClick={() => onChange(chosen.filter((other) => other !== name))}
                >
                  ×
                </button>
              </li>
            ))}
            {chosen.length > SHOWN && <li className="more">en nog {chosen.length - SHOWN}</li>}
          </ul>
          <button type="button" onClick={() => onChange([])}>
            Weer alle gemeenten
          </button>
        </>
      )}
    </fieldset>
  );
}

function Distribution({ data }: { data: NationalDistribution }) {
  return (
    <>
      <Panel title="Ruwe scores" className="national-histogram">
        <p className="summary">
          <strong>{formatCell(data.total)}</strong> afgeronde toetsen · cesuur <strong>{data.cesuur}</strong>
          {data.twijfelzone && (
            <>
              {' '}
              · twijfelzone <strong>{data.twijfelzone.from}</strong> t/m{' '}
              <strong>{data.twijfelzone.to}</strong>
            </>
          )}
        </p>
        <Histogram
          bins={data.histogram}
          max={data.max}
          cesuur={data.cesuur}
          twijfelzone={data.twijfelzone}
          title={`Aantal toetsen per ruwe score, 0 tot ${data.max}; scores met minder dan ${MIN_CELL} toetsen ontbreken`}
        />
        <SrOnly>
          <table aria-label="Aantal per score">
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col">Aantal</th>
              </tr>
            </thead>
            <tbody>
              {data.histogram.map((bin) => (
                <tr key={bin.raw}>
                  <th scope="row">{bin.raw}</th>
                  <td>{formatCell(bin.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </SrOnly>
      </Panel>
      <Panel title="Scoreband per leerroute" className="national-bands">
        <table className="figures compact" aria-label="Scoreband per leerroute">
          <thead>
            <tr>
              <th scope="col">Score</th>
              {data.routeTotals.map((r) => (
                <th scope="col" key={r.route}>
                  {ROUTE_LABELS[r.route]}
                </th>
              ))}
              <th scope="col">Totaal</th>
            </tr>
          </thead>
          <tbody>
            {data.bands.map((row) => (
              <tr key={row.band.key}>
                <th scope="row">{row.band.label}</th>
                {row.cells.map((cell) => (
                  <td key={cell.route}>{formatCell(cell.count)}</td>
                ))}
                <td>{formatCell(row.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Totaal</th>
              {data.routeTotals.map((r) => (
                <td key={r.route}>{formatCell(r.count)}</td>
              ))}
              <td>{formatCell(data.total)}</td>
            </tr>
          </tfoot>
        </table>
        <table className="figures compact" aria-label="Conform of anders dan uitslag">
          <thead>
            <tr>
              <th scope="col">Leerroute</th>
              <th scope="col">Conform uitslag</th>
              <th scope="col">Anders dan uitslag</th>
              <th scope="col">Totaal</th>
            </tr>
          </thead>
          <tbody>
            {[
              ...data.conform.rows.map((row) => ({ key: row.route, label: ROUTE_LABELS[row.route], ...row })),
              { key: 'totaal', label: 'Totaal', ...data.conform.total },
            ].map((row) => (
              <tr key={row.key} className={row.key === 'totaal' ? 'sum' : undefined}>
                <th scope="row">{row.label}</th>
                <td>
                  {formatCell(row.conform)} <span className="pct">{formatPct(row.pctConform)}</span>
                </td>
                <td>
                  {formatCell(row.anders)} <span className="pct">{formatPct(row.pctAnders)}</span>
                </td>
                <td>{formatCell(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </>
  );
}

function Conditions({ data }: { data: NationalConditions }) {
  const [dimension, setDimension] = useState(data.dimensions[0]?.dimension ?? 'inputType');
  const [page, setPage] = useState(0);
  const menuId = useId();
  const current = data.dimensions.find((d) => d.dimension === dimension) ?? data.dimensions[0];
  const groups = current?.groups ?? [];
  const pages = Math.max(1, Math.ceil(groups.length / PER_PAGE));
  const shown = groups.slice(page * PER_PAGE, page * PER_PAGE + PER_PAGE);
  return (
    <Panel title="Uitslagen per afnameconditie" className="national-conditions">
      <div className="field split-by">
        <label htmlFor={menuId}>Splitsen naar</label>
        <select
          id={menuId}
          value={current?.dimension ?? ''}
          onChange={(event) => {
            setDimension(event.target.value as typeof dimension);
            setPage(0);
          }}
        >
          {data.dimensions.map((d) => (
            <option key={d.dimension} value={d.dimension}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      {groups.length === 0 ? (
        <p className="muted">Geen uitslagen in deze selectie.</p>
      ) : (
        <table className="figures compact" aria-label={`Groepen: ${current?.label ?? ''}`}>
          <thead>
            <tr>
              <th scope="col">Groep</th>
              <th scope="col">Aantal</th>
              <th scope="col">Gem. score</th>
              <th scope="col">Haalbaar</th>
              {(['onder-20', 'onder-cesuur', 'rond-cesuur', 'boven'] as const).map((band) => (
                <th scope="col" key={band}>
                  {BAND_SHORT[band]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((group) => (
              <tr key={group.value}>
                <th scope="row">{group.label}</th>
                <td>{formatCell(group.n)}</td>
                <td>{formatOne(group.mean)}</td>
                <td>
                  {formatCell(group.haalbaar)} <span className="pct">{formatPct(group.pctHaalbaar)}</span>
                </td>
                {group.bands.map((band) => (
                  <td key={band.band}>{formatCell(band.count)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} onPage={setPage} label="Groepen" />
      <p className="footnote">
        Banden rond cesuur {data.cesuur}; haalbaar naar de eigen cesuur van elke uitslag.
      </p>
    </Panel>
  );
}
