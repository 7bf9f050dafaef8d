/**
 * The conditions view: the distribution split by each afnameconditie, with n per group and groups under
 * `minGroup` marked "te klein om iets te zeggen". One GROUP BY (value, raw, cesuur) per dimension; the
 * validity flags in one GROUP BY (raw, cesuur) with a conditional sum per flag.
 */
import { sql, type Kysely } from 'kysely';
import {
  CONDITION_LABELS,
  VALIDITY_FLAG_LABELS,
  ValidityFlag,
  type ConditionDimension,
  type ConditionsResponse,
  type ReviewFilters,
} from '../../shared/review';
import { isHaalbaar } from '../../shared/scoring/rules';
import type { Database } from '../db/tables';
import { bandOf, pct } from './bands';
import { reference } from './distribution';
import {
  INTERPRETER_LABELS,
  inputTypeLabel,
  interpreterValue,
  languageLabel,
  NOT_RECORDED,
  practicedLabel,
  shellLabel,
  groupSizeLabel,
  intakeLabel,
  interpreterModeLabel,
  yesNoLabel,
} from './labels';
import { deviceLabels, scopedResults, type GemeenteScope } from './scope';

interface ValueGroup {
  value: string;
  raw: number;
  cesuur: number;
  /** False for pilot results ("geen-advies"): they have a score but no advice, so no haalbaar either. */
  advice: boolean;
  n: number;
}

/** 1 for a result with advice, 0 for a pilot's "geen-advies": grouped on, so a percentage haalbaar can leave them out. */
const ADVICE = sql<number | string>`case when results.outcome = 'geen-advies' then 0 else 1 end`;

const COLUMNS = {
  inputType: 'results.input_type',
  interpreter: 'results.interpreter',
  practiced: 'results.practiced',
  quietRoom: 'results.quiet_room',
  groupSize: 'results.group_size',
  intakeMoment: 'results.intake_moment',
  interpreterMode: 'results.interpreter_mode',
  interpreterLanguage: 'results.interpreter_language',
  translationTool: 'results.translation_tool',
  deviceModel: 'results.device_model',
  resolution: 'results.resolution',
  shell: 'results.shell',
  language: 'results.language',
  afnemer: 'results.afnemer_id',
  // A location is a kiosk as it was enrolled (its label, e.g. "Stadskantoor balie 3"); see columnGroups.
  location: 'results.device_id',
} as const;
type ColumnDimension = keyof typeof COLUMNS;

function labelOf(dimension: ConditionDimension, value: string): string {
  switch (dimension) {
    case 'inputType':
      return inputTypeLabel(value);
    case 'interpreter':
      return INTERPRETER_LABELS[value as keyof typeof INTERPRETER_LABELS] ?? value;
    case 'practiced':
      return practicedLabel(value === 'onbekend' ? null : value);
    case 'shell':
      return shellLabel(value === 'onbekend' ? null : value);
    case 'language':
      return languageLabel(value);
    case 'interpreterLanguage':
      return value === 'onbekend' ? NOT_RECORDED : languageLabel(value);
    case 'quietRoom':
    case 'translationTool':
      return yesNoLabel(value);
    case 'groupSize':
      return groupSizeLabel(value);
    case 'intakeMoment':
      return intakeLabel(value === 'onbekend' ? null : value);
    case 'interpreterMode':
      return interpreterModeLabel(value === 'onbekend' ? null : value);
    case 'flag':
      return value === 'geen'
        ? 'Geen signalen'
        : ((VALIDITY_FLAG_LABELS as Record<string, string>)[value] ?? value);
    default:
      return value === 'onbekend' ? NOT_RECORDED : value;
  }
}

async function columnGroups(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
  dim: ColumnDimension,
) {
  const rows = await scopedResults(db, gemeente, filters, { completedOnly: true })
    .select([
      sql<string | number | null>`${sql.ref(COLUMNS[dim])}`.as('value'),
      'results.raw',
      'results.cesuur',
      ADVICE.as('advice'),
      sql<number | string>`count(*)`.as('n'),
    ])
    .groupBy([COLUMNS[dim], 'results.raw', 'results.cesuur', ADVICE])
    .execute();
  const labels = dim === 'location' ? await deviceLabels(db, gemeente) : null;
  return rows.map((r) => ({
    value:
      dim === 'interpreter'
        ? interpreterValue(r.value === null ? null : Number(r.value))
        : r.value === null
          ? 'onbekend'
          : labels
            ? (labels.get(String(r.value)) ?? String(r.value))
            : String(r.value),
    raw: r.raw,
    cesuur: r.cesuur,
    advice: Number(r.advice) === 1,
    n: Number(r.n),
  }));
}

const FLAG_SQL: Record<ValidityFlag, string> = {
  'mouse-used': 'mouse_used = 1',
  'focus-lost': 'focus_lost = 1',
  interrupted: 'interrupted = 1',
  'fast-answers': 'fast_answers > 0',
  unanswered: 'unanswered > 0',
  'score-mismatch': 'score_mismatch = 1',
  'cesuur-mismatch': 'cesuur_mismatch = 1',
  'gemeente-mismatch': 'gemeente_mismatch = 1',
  'ended-early': 'ended_early is not null',
  'reference-form': 'reference_form_broken = 1',
};

async function flagGroups(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
): Promise<ValueGroup[]> {
  const flags = ValidityFlag.options;
  const none = flags.map((f) => `not (results.${FLAG_SQL[f]})`).join(' and ');
  const rows = await scopedResults(db, gemeente, filters, { completedOnly: true })
    .select([
      'results.raw',
      'results.cesuur',
      ADVICE.as('advice'),
      // The SQL fragments are our own constants above, never request input.
      ...flags.map((f) =>
        sql<number | string>`sum(case when ${sql.raw('results.' + FLAG_SQL[f])} then 1 else 0 end)`.as(f),
      ),
      sql<number | string>`sum(case when ${sql.raw(none)} then 1 else 0 end)`.as('geen'),
    ])
    .groupBy(['results.raw', 'results.cesuur', ADVICE])
    .execute();
  const out: ValueGroup[] = [];
  for (const r of rows as unknown as Array<
    Record<string, number | string> & { raw: number; cesuur: number; advice: number | string }
  >) {
    for (const value of [...flags, 'geen'])
      out.push({
        value,
        raw: r.raw,
        cesuur: r.cesuur,
        advice: Number(r.advice) === 1,
        n: Number(r[value] ?? 0),
      });
  }
  return out.filter((g) => g.n > 0);
}

export async function conditions(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
  options: { cesuur?: number; minGroup: number },
): Promise<ConditionsResponse> {
  const ref = await reference(db, gemeente, filters);
  const cesuur = options.cesuur ?? ref.cesuur;
  const dimensions: ConditionsResponse['dimensions'] = [];
  for (const dimension of [...(Object.keys(COLUMNS) as ColumnDimension[]), 'flag' as const]) {
    const groups =
      dimension === 'flag'
        ? await flagGroups(db, gemeente, filters)
        : await columnGroups(db, gemeente, filters, dimension);
    const max = Math.max(ref.max, ...groups.map((g) => g.raw));
    // Numeric order for numbers (group size 2 before 10), text order otherwise.
    const values = [...new Set(groups.map((g) => g.value))].sort((a, b) =>
      a.localeCompare(b, 'nl', { numeric: true }),
    );
    dimensions.push({
      dimension,
      label: CONDITION_LABELS[dimension],
      groups: values.map((value) => {
        const mine = groups.filter((g) => g.value === value);
        const n = mine.reduce((s, g) => s + g.n, 0);
        // Pilot results count in n and the mean (their scores are real) but not in haalbaar: they have no advice.
        const advised = mine.filter((g) => g.advice);
        const haalbaar = advised.filter((g) => isHaalbaar(g.raw, g.cesuur)).reduce((s, g) => s + g.n, 0);
        const withAdvice = advised.reduce((s, g) => s + g.n, 0);
        const histogram = Array.from({ length: max + 1 }, (_, raw) => ({ raw, count: 0 }));
        const bandCounts = { 'onder-20': 0, 'onder-cesuur': 0, 'rond-cesuur': 0, boven: 0 };
        for (const g of mine) {
          histogram[g.raw]!.count += g.n;
          bandCounts[bandOf(g.raw, cesuur)] += g.n;
        }
        return {
          value,
          label: labelOf(dimension, value),
          n,
          tooSmall: n < options.minGroup,
          mean: n === 0 ? null : Math.round((mine.reduce((s, g) => s + g.raw * g.n, 0) / n) * 100) / 100,
          haalbaar,
          pctHaalbaar: pct(haalbaar, withAdvice),
          withoutAdvice: n - withAdvice,
          bands: Object.entries(bandCounts).map(([band, count]) => ({
            band: band as keyof typeof bandCounts,
            count,
          })),
          histogram,
        };
      }),
    });
  }
  return { cesuur, max: Math.max(ref.max, 0), minGroup: options.minGroup, dimensions };
}
