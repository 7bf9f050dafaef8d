/**
 * The "Afwijkende afnames" view (issue 20, item 1): sittings that were paused, ended early, aborted or resumed
 * after the kiosk went down, counted per afnemer or per location, with the reason codes behind them. Reads the
 * columns ingest fills (ingest/ending-columns.ts, migration 019; `ended_early` 011; `interrupted`), in one pass
 * over the review tally, so no envelope is parsed. Aborted sittings count here, unlike in the score views.
 */
import type { Kysely } from 'kysely';
import {
  DEFAULT_MIN_GROUP,
  endingReasonLabel,
  type ConductBy,
  type ConductResponse,
  type ConductRow,
  type EndingKind,
  type ReviewFilters,
} from '../../shared/review';
import type { Database } from '../db/tables';
import { deviceLabels } from './scope';
import { scan } from './tally/scan';
import { FLAG_BITS } from './tally/store';
import { tallyFor } from './tally/sync';

const KEY_COLUMN = { afnemer: 'afnemer_id', location: 'device_id' } as const;
const UNKNOWN = 'onbekend';

interface Counters {
  n: number;
  paused: number;
  endedEarly: number;
  aborted: number;
  recovered: number;
  normal: number;
}

export async function conduct(
  db: Kysely<Database>,
  gemeente: string,
  filters: ReviewFilters,
  options: { by: ConductBy; minGroup?: number | undefined },
): Promise<ConductResponse> {
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  const tally = tallyFor(db);
  const segments = await tally.fresh(gemeente);
  const store = tally.store;
  const column = KEY_COLUMN[options.by];
  const byKey = new Map<number, Counters>();
  const reasonCodes = {
    pause: new Map<number, number>(),
    abort: new Map<number, number>(),
    ended: new Map<number, number>(),
  };
  const bump = (map: Map<number, number>, code: number) => map.set(code, (map.get(code) ?? 0) + 1);
  const none = {
    aborted: store.dictionaries.status.find('aborted'),
    pauses: store.dictionaries.pauses.find(0),
  };
  const nullCode = (col: 'ended_early' | 'abort_reason' | 'pause_reasons') =>
    store.dictionaries[col].find(null);
  const noEnd = nullCode('ended_early');
  const noAbort = nullCode('abort_reason');
  const noPause = nullCode('pause_reasons');
  // Aborted sittings count here, unlike in the score views.
  scan(store, segments, filters, { completedOnly: false }, (segment, i) => {
    const key = segment.coded[column].data[i]!;
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { n: 0, paused: 0, endedEarly: 0, aborted: 0, recovered: 0, normal: 0 }));
    const paused = segment.coded.pauses.data[i] !== none.pauses;
    const ended = segment.coded.ended_early.data[i]!;
    const aborted = segment.coded.status.data[i] === none.aborted;
    const recovered = (segment.flags.data[i]! & FLAG_BITS.interrupted) !== 0;
    c.n++;
    if (paused) c.paused++;
    if (ended !== noEnd) c.endedEarly++;
    if (aborted) c.aborted++;
    if (recovered) c.recovered++;
    if (!paused && ended === noEnd && !aborted && !recovered) c.normal++;
    if (ended !== noEnd) bump(reasonCodes.ended, ended);
    const abort = segment.coded.abort_reason.data[i]!;
    if (abort !== noAbort) bump(reasonCodes.abort, abort);
    const pauseSet = segment.coded.pause_reasons.data[i]!;
    if (pauseSet !== noPause) bump(reasonCodes.pause, pauseSet);
  });
  const labels = options.by === 'location' ? await deviceLabels(db, gemeente) : new Map<string, string>();
  const rows: ConductRow[] = [...byKey].map(([code, c]) => {
    const value = store.decode(column, code);
    const key = value === null ? UNKNOWN : String(value);
    return {
      key,
      label: value === null ? 'Niet vastgelegd' : (labels.get(key) ?? key),
      ...c,
      tooSmall: c.n < minGroup,
    };
  });
  // The largest groups first: where most sittings are, a deviation weighs most.
  rows.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'nl'));
  const total = { n: 0, paused: 0, endedEarly: 0, aborted: 0, recovered: 0, normal: 0 };
  for (const row of rows) {
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row[key];
  }
  const reasons = new Map<string, { kind: EndingKind; code: string; n: number }>();
  const add = (kind: EndingKind, code: string, n: number) => {
    const id = `${kind}:${code}`;
    const entry = reasons.get(id) ?? { kind, code, n: 0 };
    entry.n += n;
    reasons.set(id, entry);
  };
  // `pause_reasons` holds each sitting's distinct codes as `,a,b,`: few distinct sets, split here.
  for (const [code, n] of reasonCodes.pause) {
    for (const reason of String(store.decode('pause_reasons', code)).split(',').filter(Boolean))
      add('pause', reason, n);
  }
  for (const [code, n] of reasonCodes.abort) add('abort', String(store.decode('abort_reason', code)), n);
  for (const [code, n] of reasonCodes.ended) add('ended-early', String(store.decode('ended_early', code)), n);
  const order: EndingKind[] = ['abort', 'ended-early', 'pause'];
  return {
    by: options.by,
    minGroup,
    total,
    rows,
    reasons: [...reasons.values()]
      .sort(
        (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.n - a.n || a.code.localeCompare(b.code),
      )
      .map((r) => ({ ...r, label: endingReasonLabel(r.kind, r.code) })),
  };
}
