/**
 * The review filters over the tally's columns, and the one pass every count makes. The same filters in SQL
 * are scope.ts's `scopedResults` (the result list and the exports read rows, so they stay in the database);
 * scan.test.ts checks on random data, for every filter alone and in random combinations, that both select
 * exactly the same results.
 */
import type { ReviewFilters } from '../../../shared/review';
import type { CodedColumn, Segment, TallyStore, Value } from './store';
import { FLAG_BITS } from './store';

const DAY_MS = 86_400_000;

/** What a scan keeps: filters as codes, ready for integer compares. */
interface Compiled {
  /** A filter names a value no stored row has: nothing matches, no scan needed. */
  empty: boolean;
  fromMs: number;
  toMs: number;
  equals: Array<{ column: CodedColumn; code: number }>;
  flagMask: number;
  /** true: every bit of flagMask set is required; 'none': no flag at all. */
  flagMode: 'any' | 'none' | 'off';
}

export interface ScanOptions {
  /** Only completed results (the score views); aborted sittings count only where a view says so. */
  completedOnly: boolean;
  /** Extra equality filters on coded columns (e.g. one package), beside the review filters. */
  also?: ReadonlyArray<{ column: CodedColumn; value: Value }>;
}

function compile(store: TallyStore, filters: ReviewFilters, options: ScanOptions): Compiled {
  const equals: Compiled['equals'] = [];
  let empty = false;
  const eq = (column: CodedColumn, value: Value) => {
    const code = store.dictionaries[column].find(value);
    if (code === 0) empty = true;
    equals.push({ column, code });
  };
  if (options.completedOnly) eq('status', 'completed');
  if (filters.doelgroep) eq('doelgroep', filters.doelgroep);
  if (filters.deviceId) eq('device_id', filters.deviceId);
  if (filters.language) eq('language', filters.language);
  if (filters.inputType) eq('input_type', filters.inputType);
  if (filters.interpreter === 'ja') eq('interpreter', 1);
  if (filters.interpreter === 'nee') eq('interpreter', 0);
  if (filters.interpreter === 'onbekend') eq('interpreter', null);
  for (const extra of options.also ?? []) eq(extra.column, extra.value);
  // Days are UTC and inclusive, as in scope.ts: from 00:00 of `from` up to (not including) 00:00 after `to`.
  const fromMs = filters.from ? Date.parse(`${filters.from}T00:00:00.000Z`) : -Infinity;
  const toMs = filters.to ? Date.parse(`${filters.to}T00:00:00.000Z`) + DAY_MS : Infinity;
  let flagMask = 0;
  let flagMode: Compiled['flagMode'] = 'off';
  if (filters.flag === 'geen') flagMode = 'none';
  else if (filters.flag) {
    flagMode = 'any';
    flagMask = FLAG_BITS[filters.flag];
  }
  return { empty, fromMs, toMs, equals, flagMask, flagMode };
}

/** The rows of one segment that match, as indexes in row order. */
export interface Matched {
  segment: Segment;
  rows: Int32Array;
}

/**
 * The matching live rows of each segment. The loop is written out (no closures per filter) because it runs once
 * per stored result; callers then walk the matches column by column, which keeps their loops tight.
 */
export function matchingRows(
  store: TallyStore,
  segments: readonly Segment[],
  filters: ReviewFilters,
  options: ScanOptions,
): Matched[] {
  const key = JSON.stringify([filters, options, segments.map((s) => [s.gemeente, s.version])]);
  const kept = store.recentMatches.get(key) as Matched[] | undefined;
  if (kept && kept.every((m, j) => m.segment === segments[j])) return kept;
  const out = computeMatches(store, segments, filters, options);
  store.recentMatches.set(key, out);
  // Only the last few: each holds an index per matching row.
  if (store.recentMatches.size > RECENT) store.recentMatches.delete(store.recentMatches.keys().next().value!);
  return out;
}

const RECENT = 4;

function computeMatches(
  store: TallyStore,
  segments: readonly Segment[],
  filters: ReviewFilters,
  options: ScanOptions,
): Matched[] {
  const c = compile(store, filters, options);
  if (c.empty) return [];
  const out: Matched[] = [];
  for (const segment of segments) {
    const alive = segment.alive.data;
    const closed = segment.closedMs.data;
    const flags = segment.flags.data;
    const columns = c.equals.map((e) => segment.coded[e.column].data);
    const codes = c.equals.map((e) => e.code);
    const k = codes.length;
    const rows = new Int32Array(segment.length);
    let n = 0;
    rows: for (let i = 0; i < segment.length; i++) {
      if (alive[i] === 0) continue;
      const t = closed[i]!;
      if (t < c.fromMs || t >= c.toMs) continue;
      for (let j = 0; j < k; j++) if (columns[j]![i] !== codes[j]) continue rows;
      if (c.flagMode === 'any' && (flags[i]! & c.flagMask) === 0) continue;
      if (c.flagMode === 'none' && flags[i] !== 0) continue;
      rows[n++] = i;
    }
    out.push({ segment, rows: rows.subarray(0, n) });
  }
  return out;
}

/** Calls `visit(segment, i)` for every live row of the segments that matches. */
export function scan(
  store: TallyStore,
  segments: readonly Segment[],
  filters: ReviewFilters,
  options: ScanOptions,
  visit: (segment: Segment, i: number) => void,
): void {
  for (const { segment, rows } of matchingRows(store, segments, filters, options)) {
    for (let j = 0; j < rows.length; j++) visit(segment, rows[j]!);
  }
}

/** keys[j] = keys[j] x size + the row's code: one more digit of the mixed-radix group key. */
function addDigit(
  keys: Float64Array,
  column: Uint16Array | Uint32Array,
  rows: Int32Array,
  size: number,
): void {
  for (let j = 0; j < rows.length; j++) keys[j] = keys[j]! * size + column[rows[j]!]!;
}

/** One count per distinct combination of `columns`' values among the matching rows, decoded. */
export interface Counted {
  values: Value[];
  n: number;
}

/**
 * Several GROUP BYs in one pass: `groupings[g]` lists the columns of grouping g. Counts are kept in a dense
 * array per grouping (mixed-radix over the dictionaries' sizes), or a Map where that would be too large.
 */
export function countBy(
  store: TallyStore,
  segments: readonly Segment[],
  filters: ReviewFilters,
  options: ScanOptions,
  groupings: ReadonlyArray<readonly CodedColumn[]>,
): Counted[][] {
  const plans = groupings.map((columns) => {
    const sizes = columns.map((col) => store.dictionaries[col].size);
    const cells = sizes.reduce((a, b) => a * b, 1);
    return {
      columns,
      sizes,
      dense: cells <= 1 << 22 ? new Float64Array(cells) : null,
      sparse: new Map<number, number>(),
    };
  });
  for (const { segment, rows } of matchingRows(store, segments, filters, options)) {
    const keys = new Float64Array(rows.length);
    for (const plan of plans) {
      keys.fill(0);
      // Column by column: each loop reads one array, so it stays tight.
      plan.columns.forEach((col, j) => addDigit(keys, segment.coded[col].data, rows, plan.sizes[j]!));
      if (plan.dense) {
        const dense = plan.dense;
        for (let j = 0; j < keys.length; j++) dense[keys[j]!]! += 1;
      } else {
        for (let j = 0; j < keys.length; j++) plan.sparse.set(keys[j]!, (plan.sparse.get(keys[j]!) ?? 0) + 1);
      }
    }
  }
  return plans.map((plan) => {
    const out: Counted[] = [];
    const emit = (key: number, n: number) => {
      const values: Value[] = new Array(plan.columns.length);
      for (let j = plan.columns.length - 1; j >= 0; j--) {
        const size = plan.sizes[j]!;
        values[j] = store.decode(plan.columns[j]!, key % size);
        key = Math.floor(key / size);
      }
      out.push({ values, n });
    };
    if (plan.dense) plan.dense.forEach((n, key) => n > 0 && emit(key, n));
    else plan.sparse.forEach((n, key) => emit(key, n));
    return out;
  });
}
