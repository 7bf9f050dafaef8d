/**
 * The review columns of stored results, held in memory column by column (issue 20, item 10). Every view that
 * counts (distribution, what-if, conditions, conduct, reliability, the national view) scans these arrays instead
 * of asking the database to group the rows in scope: a million results are a few tens of megabytes here and
 * one pass over them takes milliseconds, where the database needs seconds for any filter its indexes do not
 * cover. sync.ts keeps the columns equal to the database; this file only stores and removes rows.
 *
 * Values are dictionary-coded: each column maps its distinct values (text, numbers, null) to small integers,
 * shared by all gemeenten, so a filter is an integer compare and a group key a mixed-radix number.
 */
import { ValidityFlag } from '../../../shared/review';
import { flagsOf } from '../flags';
import type { TallyRow } from './row';

/** The coded columns: what the views filter on, group on or add up. */
export const CODED = [
  'status',
  'doelgroep',
  'device_id',
  'language',
  'input_type',
  'interpreter',
  'raw',
  'cesuur',
  'max',
  'twijfelzone_from',
  'twijfelzone_to',
  'outcome',
  'route',
  'package_hash',
  'practiced',
  'quiet_room',
  'group_size',
  'intake_moment',
  'interpreter_mode',
  'interpreter_language',
  'translation_tool',
  'device_model',
  'resolution',
  'shell',
  'afnemer_id',
  'ended_early',
  'abort_reason',
  'pauses',
  'pause_reasons',
] as const satisfies readonly (keyof TallyRow)[];
export type CodedColumn = (typeof CODED)[number];

/**
 * The afnamecondities the conditions view splits by that have few values each. Their combination per result
 * (its "profile") is coded too, so the view adds one count per result for all of them and spreads the counts
 * over the dimensions afterwards, per profile: there are far fewer profiles than results.
 */
export const PROFILE_COLUMNS = [
  'input_type',
  'interpreter',
  'practiced',
  'quiet_room',
  'group_size',
  'intake_moment',
  'interpreter_mode',
  'interpreter_language',
  'translation_tool',
  'device_model',
  'resolution',
  'shell',
  'language',
] as const satisfies readonly CodedColumn[];

/** Profiles: each a list of codes, one per PROFILE_COLUMNS entry. */
export class Profiles {
  private readonly codes = new Map<string, number>();
  /** parts[profile] = the codes of its columns, in PROFILE_COLUMNS order; profile 0 is unused. */
  readonly parts: number[][] = [[]];

  code(parts: number[]): number {
    const key = parts.join(',');
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.parts.length;
      this.codes.set(key, code);
      this.parts.push(parts);
    }
    return code;
  }
}

export type Value = string | number | null;

/** One column's values <-> codes. Code 0 is never used, so a fresh (zeroed) array slot means "no row". */
export class Dictionary {
  private readonly codes = new Map<Value, number>();
  readonly values: Value[] = [undefined as unknown as Value];

  code(value: Value): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  /** The code of a value, or 0 when no stored row has it (then a filter on it matches nothing). */
  find(value: Value): number {
    return this.codes.get(value) ?? 0;
  }

  get size(): number {
    return this.values.length;
  }
}

export const FLAG_BITS: Record<ValidityFlag, number> = Object.fromEntries(
  ValidityFlag.options.map((flag, i) => [flag, 1 << i]),
) as Record<ValidityFlag, number>;

/** A growable array of codes: 16 bits until a dictionary outgrows them, then 32. */
class CodeArray {
  data: Uint16Array | Uint32Array;
  constructor(capacity: number) {
    this.data = new Uint16Array(capacity);
  }
  set(i: number, code: number): void {
    if (code > 0xffff && this.data instanceof Uint16Array) this.data = Uint32Array.from(this.data);
    this.data[i] = code;
  }
  grow(capacity: number): void {
    const next = this.data instanceof Uint16Array ? new Uint16Array(capacity) : new Uint32Array(capacity);
    next.set(this.data);
    this.data = next;
  }
}

/** All stored results of one gemeente. */
export class Segment {
  /** The change seq (migration 020) this segment reflects. */
  seq = 0;
  /** Raised by every change to the rows, so a cached set of matching rows can tell it is stale. */
  version = 0;
  length = 0;
  live = 0;
  private capacity: number;
  readonly alive: { data: Uint8Array };
  readonly closedMs: { data: Float64Array };
  readonly flags: { data: Uint16Array };
  /** Items answered right, one bit per item in definition order: words of 32 bits, `WORDS` per row. */
  readonly right: { data: Uint32Array };
  readonly coded: Record<CodedColumn, CodeArray>;
  /** Each row's profile (Profiles). */
  readonly profile: CodeArray;
  private readonly index = new Map<string, number>();
  private ids: string[] = [];

  constructor(
    readonly gemeente: string,
    private readonly dictionaries: Record<CodedColumn, Dictionary>,
    private readonly profiles: Profiles,
    capacity = 1024,
  ) {
    this.profile = new CodeArray(capacity);
    this.capacity = capacity;
    this.alive = { data: new Uint8Array(capacity) };
    this.closedMs = { data: new Float64Array(capacity) };
    this.flags = { data: new Uint16Array(capacity) };
    this.right = { data: new Uint32Array(capacity * WORDS) };
    this.coded = Object.fromEntries(CODED.map((c) => [c, new CodeArray(capacity)])) as Record<
      CodedColumn,
      CodeArray
    >;
  }

  has(resultId: string): boolean {
    return this.index.has(resultId);
  }

  /** The result id of row `i` (the result list pages by these). */
  idAt(i: number): string {
    return this.ids[i]!;
  }

  add(row: TallyRow): void {
    this.remove(row.result_id);
    this.version++;
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    const i = this.length++;
    this.alive.data[i] = 1;
    this.closedMs.data[i] = Date.parse(row.closed_at);
    let bits = 0;
    for (const flag of flagsOf(row)) bits |= FLAG_BITS[flag];
    this.flags.data[i] = bits;
    for (let item = 0; item < row.item_pattern.length && item < WORDS * 32; item++) {
      if (row.item_pattern.charCodeAt(item) === 49 /* '1' */) {
        this.right.data[i * WORDS + (item >>> 5)]! |= 1 << (item & 31);
      }
    }
    for (const column of CODED) this.coded[column].set(i, this.dictionaries[column].code(row[column]));
    this.profile.set(i, this.profiles.code(PROFILE_COLUMNS.map((column) => this.coded[column].data[i]!)));
    this.index.set(row.result_id, i);
    this.ids[i] = row.result_id;
    this.live++;
  }

  remove(resultId: string): void {
    const i = this.index.get(resultId);
    if (i === undefined) return;
    this.version++;
    this.alive.data[i] = 0;
    this.index.delete(resultId);
    this.live--;
  }

  /** Removed rows leave holes; once they are a quarter of the arrays, the live rows are packed together. */
  compactIfSparse(): void {
    if (this.length - this.live < Math.max(1024, this.length / 4)) return;
    this.version++;
    let to = 0;
    for (let from = 0; from < this.length; from++) {
      if (!this.alive.data[from]) continue;
      if (to !== from) {
        this.alive.data[to] = 1;
        this.closedMs.data[to] = this.closedMs.data[from]!;
        this.flags.data[to] = this.flags.data[from]!;
        this.right.data.copyWithin(to * WORDS, from * WORDS, (from + 1) * WORDS);
        for (const column of CODED) this.coded[column].data[to] = this.coded[column].data[from]!;
        this.profile.data[to] = this.profile.data[from]!;
        this.ids[to] = this.ids[from]!;
        this.index.set(this.ids[to]!, to);
      }
      to++;
    }
    this.alive.data.fill(0, to, this.length);
    this.right.data.fill(0, to * WORDS, this.length * WORDS);
    this.ids.length = to;
    this.length = to;
  }

  private grow(capacity: number): void {
    const alive = new Uint8Array(capacity);
    alive.set(this.alive.data);
    this.alive.data = alive;
    const closed = new Float64Array(capacity);
    closed.set(this.closedMs.data);
    this.closedMs.data = closed;
    const flags = new Uint16Array(capacity);
    flags.set(this.flags.data);
    this.flags.data = flags;
    const right = new Uint32Array(capacity * WORDS);
    right.set(this.right.data);
    this.right.data = right;
    for (const column of CODED) this.coded[column].grow(capacity);
    this.profile.grow(capacity);
    this.capacity = capacity;
  }
}

/** 64 bits per row: a package has at most 64 scored items (the reference package has 40). */
export const WORDS = 2;

/** The dictionaries and segments of one database, as one service instance holds them. */
export class TallyStore {
  readonly dictionaries = Object.fromEntries(CODED.map((c) => [c, new Dictionary()])) as Record<
    CodedColumn,
    Dictionary
  >;
  readonly profiles = new Profiles();
  /**
   * The last few answers of `matchingRows` (scan.ts), by filters and the segments' versions: one view often asks
   * the same question twice (its groups and its reference result), and the national view three times.
   */
  readonly recentMatches = new Map<string, unknown>();
  readonly segments = new Map<string, Segment>();

  segment(gemeente: string): Segment | undefined {
    return this.segments.get(gemeente);
  }

  /** A fresh segment for `gemeente`, replacing any it had (a full reload). */
  fresh(gemeente: string): Segment {
    const segment = new Segment(gemeente, this.dictionaries, this.profiles);
    this.segments.set(gemeente, segment);
    return segment;
  }

  decode(column: CodedColumn, code: number): Value {
    return this.dictionaries[column].values[code]!;
  }
}
