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
import { referenceOf, type LatestResult } from './distribution';
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
import { matchingRows } from './tally/scan';
import { PROFILE_COLUMNS, type CodedColumn, type Segment } from './tally/store';
import { tallyFor } from './tally/sync';

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
 * Every dimension's groups (value, raw, cesuur, advice) and the flags', in one pass over the tally. A row's
 * (raw, cesuur, outcome) codes make one number, shared by all dimensions; each dimension then adds one count at
 * (its value's code, that number) in a dense array, and each flag the row carries (or "geen") likewise.
 */
async function allGroups(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
): Promise<{ groups: Map<ConditionDimension, ValueGroup[]>; latest: LatestResult }> {
  const tally = tallyFor(db);
  const segments = await tally.fresh(gemeente);
  const store = tally.store;
  const dims = Object.keys(COLUMNS) as ColumnDimension[];
  const flags = ValidityFlag.options;
  const C = store.dictionaries.cesuur.size;
  const O = store.dictionaries.outcome.size;
  const S = store.dictionaries.raw.size * C * O;
  const sizes = dims.map((dim) => store.dictionaries[COLUMNS[dim]].size);
  const counts = sizes.map((size) => new Float64Array(size * S));
  // Dimensions in the result's profile (store.ts) are counted per profile; the others (afnemer, location) per row.
  const part = dims.map((dim) => (PROFILE_COLUMNS as readonly CodedColumn[]).indexOf(COLUMNS[dim]));
  const direct = dims.map((_, d) => d).filter((d) => part[d] === -1);
  const profileCells = store.profiles.parts.length * S;
  const byProfile = profileCells <= 1 << 21 ? new Float64Array(profileCells) : null;
  const byProfileSparse = new Map<number, number>();
  const flagCounts = new Float64Array((flags.length + 1) * S);
  const none = flags.length;
  // The newest result, for the reference cesuur, found in the same pass (as latestResult finds it).
  let newest: { segment: Segment; i: number; at: number } | null = null;
  for (const { segment, rows } of matchingRows(store, segments, filters, { completedOnly: true })) {
    const raw = segment.coded.raw.data;
    const ces = segment.coded.cesuur.data;
    const out = segment.coded.outcome.data;
    const closed = segment.closedMs.data;
    const bitsOf = segment.flags.data;
    // Each row's (raw, cesuur, outcome) as one number, then one tight loop per dimension over it.
    const suffixes = new Int32Array(rows.length);
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j]!;
      suffixes[j] = (raw[i]! * C + ces[i]!) * O + out[i]!;
      if (!newest || closed[i]! > newest.at) newest = { segment, i, at: closed[i]! };
      let bits = bitsOf[i]!;
      if (bits === 0) flagCounts[none * S + suffixes[j]!]! += 1;
      // Bit f is flag f (FLAG_BITS): one count per flag the result carries.
      for (let f = 0; bits !== 0; f++, bits >>>= 1) if (bits & 1) flagCounts[f * S + suffixes[j]!]! += 1;
    }
    if (byProfile) countColumn(segment.profile.data, rows, suffixes, byProfile, S);
    else {
      const profile = segment.profile.data;
      for (let j = 0; j < rows.length; j++) {
        const key = profile[rows[j]!]! * S + suffixes[j]!;
        byProfileSparse.set(key, (byProfileSparse.get(key) ?? 0) + 1);
      }
    }
    for (const d of direct) countColumn(segment.coded[COLUMNS[dims[d]!]].data, rows, suffixes, counts[d]!, S);
  }
  // Each profile dimension's counts from the profiles': a few per distinct profile, whatever the number of rows.
  const spread = (n: number, key: number) => {
    if (n === 0) return;
    const suffix = key % S;
    const parts = store.profiles.parts[Math.floor(key / S)]!;
    dims.forEach((_, d) => {
      if (part[d]! >= 0) counts[d]![parts[part[d]!]! * S + suffix]! += n;
    });
  };
  if (byProfile) byProfile.forEach(spread);
  else byProfileSparse.forEach(spread);
  const labels = await deviceLabels(db, gemeente);
  /** The groups of one dense array, `valueOfCode` naming the first part of the key. */
  const groupsOf = (array: Float64Array, valueOfCode: (code: number) => string): ValueGroup[] => {
    const groups: ValueGroup[] = [];
    array.forEach((n, key) => {
      if (n === 0) return;
      const suffix = key % S;
      const outcome = suffix % O;
      const cesuur = Math.floor(suffix / O) % C;
      const rawCode = Math.floor(suffix / (O * C));
      groups.push({
        value: valueOfCode(Math.floor(key / S)),
        raw: store.decode('raw', rawCode) as number,
        cesuur: store.decode('cesuur', cesuur) as number,
        advice: store.decode('outcome', outcome) !== 'geen-advies',
        n,
      });
    });
    return groups;
  };
  const result = new Map<ConditionDimension, ValueGroup[]>();
  dims.forEach((dim, d) => {
    result.set(
      dim,
      groupsOf(counts[d]!, (code) => valueOf(dim, store.decode(COLUMNS[dim], code) ?? null, labels)),
    );
  });
  result.set(
    'flag',
    groupsOf(flagCounts, (f) => (f === none ? 'geen' : flags[f]!)),
  );
  const found = newest as { segment: Segment; i: number } | null;
  return { groups: result, latest: found ? { tally, segment: found.segment, i: found.i } : null };
}

/** counts[code x S + suffix] += 1 for every matching row: a loop of its own so it stays monomorphic and tight. */
function countColumn(
  column: Uint16Array | Uint32Array,
  rows: Int32Array,
  suffixes: Int32Array,
  counts: Float64Array,
  S: number,
): void {
  for (let j = 0; j < rows.length; j++) counts[column[rows[j]!]! * S + suffixes[j]!]! += 1;
}

function valueOf(dim: ColumnDimension, value: string | number | null, labels: Map<string, string>): string {
  if (dim === 'interpreter') return interpreterValue(value === null ? null : Number(value));
  if (value === null) return 'onbekend';
  if (dim === 'location') return labels.get(String(value)) ?? String(value);
  return String(value);
}

export async function conditions(
  db: Kysely<Database>,
  gemeente: GemeenteScope,
  filters: ReviewFilters,
  options: { cesuur?: number; minGroup: number },
): Promise<ConditionsResponse> {
  const { groups: grouped, latest } = await allGroups(db, gemeente, filters);
  const ref = referenceOf(latest);
  const cesuur = options.cesuur ?? ref.cesuur;
  const dimensions: ConditionsResponse['dimensions'] = [];
  for (const dimension of [...(Object.keys(COLUMNS) as ColumnDimension[]), 'flag' as const]) {
    const groups = grouped.get(dimension)!;
    const max = Math.max(ref.max, ...groups.map((g) => g.raw));
    // Numeric order for numbers (group size 2 before 10), text order otherwise.
    // Grouped by value once: a dimension can have hundreds of values (locations nationally).
    const byValue = new Map<string, ValueGroup[]>();
    for (const g of groups) {
      const list = byValue.get(g.value);
      if (list) list.push(g);
      else byValue.set(g.value, [g]);
    }
    const values = [...byValue.keys()].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true }));
    dimensions.push({
      dimension,
      label: CONDITION_LABELS[dimension],
      groups: values.map((value) => {
        const mine = byValue.get(value)!;
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
