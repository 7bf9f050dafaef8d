/**
 * CSV export of the table views, for Dutch Excel: `;` as separator and a decimal comma, because Excel with Dutch
 * regional settings uses the comma as decimal mark and therefore expects `;` between fields (a comma-separated
 * file opens as one column there). UTF-8 with a byte-order mark so Excel reads ë and ï correctly. Text cells
 * that start with = + - @ get a leading apostrophe, so a crafted candidate reference cannot become a formula.
 */
import {
  CONDITION_LABELS,
  OUTCOME_TEXT,
  ROUTE_LABELS,
  VALIDITY_FLAG_LABELS,
  type ConditionsResponse,
  type DistributionResponse,
  type ResultRow,
  type WhatIfCounts,
} from '../../shared/review';

type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

export function distributionCsv(d: DistributionResponse): string {
  const routes = d.routeTotals.map((r) => r.route);
  return toCsv(
    [`Score (cesuur ${d.cesuur})`, ...routes.map((r) => ROUTE_LABELS[r]), 'Totaal', '% van totaal'],
    [
      ...d.bands.map((b) => [b.band.label, ...b.cells.map((c) => c.count), b.total, b.pctOfTotal]),
      ['Totaal', ...d.routeTotals.map((r) => r.count), d.total, d.total > 0 ? 100 : null],
    ],
  );
}

export function conformCsv(d: Pick<DistributionResponse, 'conform'>): string {
  const c = d.conform;
  return toCsv(
    ['Leerroute', 'Conform uitslag', 'Anders dan uitslag', 'Totaal', '% conform', '% anders'],
    [
      ...c.rows.map((r) => [ROUTE_LABELS[r.route], r.conform, r.anders, r.total, r.pctConform, r.pctAnders]),
      ['Totaal', c.total.conform, c.total.anders, c.total.total, c.total.pctConform, c.total.pctAnders],
    ],
  );
}

export function whatIfCsv(w: WhatIfCounts): string {
  const line = (kind: string, group: string, t: WhatIfCounts['total']): Cell[] => [
    kind,
    group,
    t.total,
    t.changed,
    t.naarHaalbaar,
    t.naarNietHaalbaar,
  ];
  return toCsv(
    [
      'Indeling',
      `Groep (banden bij cesuur ${w.bandCesuur})`,
      'Aantal',
      'Andere uitslag',
      'Naar haalbaar',
      'Naar niet haalbaar',
    ],
    [
      ...w.byBand.map((b) => line('Scoreband', b.band.label, b)),
      ...w.byRoute.map((r) => line('Leerroute', ROUTE_LABELS[r.route], r)),
      line('Totaal', `cesuur ${w.cesuur}`, w.total),
    ],
  );
}

export function conditionsCsv(c: ConditionsResponse): string {
  return toCsv(
    ['Afnameconditie', 'Groep', 'Aantal', 'Gemiddelde score', 'Haalbaar', '% haalbaar', 'Opmerking'],
    c.dimensions.flatMap((d) =>
      d.groups.map((g) => [
        CONDITION_LABELS[d.dimension],
        g.label,
        g.n,
        g.mean,
        g.haalbaar,
        g.pctHaalbaar,
        g.tooSmall ? 'te klein om iets te zeggen' : '',
      ]),
    ),
  );
}

/**
 * The results export, one column table for both vocabularies: the dashboard's Dutch headers, and the names of the
 * Gemeentelijk Gegevensmodel (model Inburgering) where it has the field, so a gemeente's own systems can read the
 * file without a mapping of their own. Fields the GGM does not have keep an `LbtKiosk.` name. docs/REVIEW.md has
 * the table.
 */
const RESULT_COLUMNS: readonly { dutch: string; ggm: string; cell: (r: ResultRow) => Cell }[] = [
  { dutch: 'Resultaat', ggm: 'LbtKiosk.ResultaatId', cell: (r) => r.resultId },
  { dutch: 'Gesloten', ggm: 'LbtKiosk.DatumAfname', cell: (r) => r.closedAt },
  { dutch: 'Kandidaat', ggm: 'LbtKiosk.Kandidaatreferentie', cell: (r) => r.candidateRef },
  { dutch: 'Score', ggm: 'LbtKiosk.Score', cell: (r) => r.raw },
  { dutch: 'Max', ggm: 'LbtKiosk.MaximaleScore', cell: (r) => r.max },
  { dutch: 'Cesuur', ggm: 'LbtKiosk.Cesuur', cell: (r) => r.cesuur },
  {
    dutch: 'Uitslag',
    ggm: 'Inburgeringsplicht.UitkomstLeerbaarheidstoets',
    cell: (r) => OUTCOME_TEXT[r.outcome ?? 'afgebroken'],
  },
  { dutch: 'Twijfelzone', ggm: 'LbtKiosk.Twijfelzone', cell: (r) => (r.inTwijfelzone ? 'ja' : 'nee') },
  { dutch: 'Leerroute', ggm: 'Leerroute.LeerrouteType', cell: (r) => ROUTE_LABELS[r.route] },
  {
    dutch: 'Conform',
    ggm: 'LbtKiosk.ConformUitslag',
    cell: (r) => (r.conform === null ? '' : r.conform ? 'ja' : 'nee'),
  },
  {
    dutch: 'Signalen',
    ggm: 'LbtKiosk.Signalen',
    cell: (r) => r.flags.map((f) => VALIDITY_FLAG_LABELS[f]).join(', '),
  },
  { dutch: 'Locatie', ggm: 'LbtKiosk.Locatie', cell: (r) => r.deviceLabel },
];

/** `results.csv` (Dutch headers) or `results-ggm.csv` (the GGM's names). */
export function resultsCsv(rows: ResultRow[], vocabulary: 'dutch' | 'ggm' = 'dutch'): string {
  return toCsv(
    RESULT_COLUMNS.map((column) => column[vocabulary]),
    rows.map((r) => RESULT_COLUMNS.map((column) => column.cell(r))),
  );
}
