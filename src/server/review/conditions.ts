/**
 * The conditions view: the distribution split by each afnameconditie, with n per group and groups under
 * `minGroup` marked "te klein om iets te zeggen". Every dimension's groups (value, raw, cesuur, advice) come from
 * one pass over the review tally; the validity flags from a second.
 */
import type { Kysely } from 'kysely';
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
import { deviceLabels, type GemeenteScope } from './scope';
import { countBy, scan } from './tally/scan';
import { FLAG_BITS, type CodedColumn, type Segment } from './tally/store';
import { tallyFor, type ReviewTally } from './tally/sync';

interface ValueGroup {
  value: string;
  raw: number;
  cesuur: number;
  /** False for pilot results ("geen-advies"): they have a score but no advice, so no haalbaar either. */
  advice: boolean;
  n: number;
}

const COLUMNS = {
  inputType: 'input_type',
  interpreter: 'interpreter',
  practiced: 'practiced',
  quietRoom: 'quiet_room',
  groupSize: 'group_size',
  intakeMoment: 'intake_moment',
  interpreterMode: 'interpreter_mode',
  interpreterLanguage: 'interpreter_language',
  translationTool: 'translation_tool',
  deviceModel: 'device_model',
  resolution: 'resolution',
  shell: 'shell',
  language: 'language',
  afnemer: 'afnemer_id',
  // A location is a kiosk as it was enrolled (its label, e.g. "Stadskantoor balie 3"); see valueOf.
  location: 'device_id',
} as const satisfies Record<string, CodedColumn>;
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

/**
 * Every dimension's groups (value, raw, cesuur, advice) and the flags', in one pass over the tally: one
 * grouping per dimension, and one per flag over its set bit (a result can carry several flags).
 */
async function allGroups(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
): Promise<Map<ConditionDimension, ValueGroup[]>> {
  const tally = tallyFor(db);
  const segments = await tally.fresh(gemeente);
  const dims = Object.keys(COLUMNS) as ColumnDimension[];
  const counted = countBy(
    tally.store,
    segments,
    filters,
    { completedOnly: true },
    dims.map((dim) => [COLUMNS[dim], 'raw', 'cesuur', 'outcome'] as const),
  );
  const labels = await deviceLabels(db, gemeente);
  const out = new Map<ConditionDimension, ValueGroup[]>();
  dims.forEach((dim, d) => {
    out.set(
      dim,
      counted[d]!.map(({ values: [value, raw, cesuur, outcome], n }) => ({
        value: valueOf(dim, value ?? null, labels),
        raw: raw as number,
        cesuur: cesuur as number,
        advice: outcome !== 'geen-advies',
        n,
      })),
    );
  });
  out.set('flag', flagGroups(tally, segments, filters));
  return out;
}

function valueOf(dim: ColumnDimension, value: string | number | null, labels: Map<string, string>): string {
  if (dim === 'interpreter') return interpreterValue(value === null ? null : Number(value));
  if (value === null) return 'onbekend';
  if (dim === 'location') return labels.get(String(value)) ?? String(value);
  return String(value);
}

/** Per flag (and "geen"), the groups of the results that carry it. */
function flagGroups(tally: ReviewTally, segments: Segment[], filters: ReviewFilters): ValueGroup[] {
  const flags = ValidityFlag.options;
  const counts = new Map<string, number>();
  const store = tally.store;
  scan(store, segments, filters, { completedOnly: true }, (segment, i) => {
    const bits = segment.flags.data[i]!;
    const key = `${segment.coded.raw.data[i]}/${segment.coded.cesuur.data[i]}/${segment.coded.outcome.data[i]}`;
    if (bits === 0) counts.set(`geen/${key}`, (counts.get(`geen/${key}`) ?? 0) + 1);
    else {
      for (const flag of flags) {
        if (bits & FLAG_BITS[flag]) counts.set(`${flag}/${key}`, (counts.get(`${flag}/${key}`) ?? 0) + 1);
      }
    }
  });
  return [...counts].map(([key, n]) => {
    const [value, raw, cesuur, outcome] = key.split('/') as [string, string, string, string];
    return {
      value,
      raw: store.decode('raw', Number(raw)) as number,
      cesuur: store.decode('cesuur', Number(cesuur)) as number,
      advice: store.decode('outcome', Number(outcome)) !== 'geen-advies',
      n,
    };
  });
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
  const grouped = await allGroups(db, gemeente, filters);
  for (const dimension of [...(Object.keys(COLUMNS) as ColumnDimension[]), 'flag' as const]) {
    const groups = grouped.get(dimension)!;
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
