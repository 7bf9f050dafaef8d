/**
 * The "Afwijkende afnames" view (issue 20, item 1): sittings that were paused, ended early, aborted or resumed
 * after the kiosk went down, counted per afnemer or per location, with the reason codes behind them. Reads the
 * columns ingest fills (ingest/ending-columns.ts, migration 019; `ended_early` 011; `interrupted`), one GROUP BY
 * per question, so no envelope is parsed. Aborted sittings count here, unlike in the score views.
 */
import { sql, type Kysely } from 'kysely';
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
import { deviceLabels, scopedResults } from './scope';

const KEY_COLUMN = { afnemer: 'results.afnemer_id', location: 'results.device_id' } as const;
const UNKNOWN = 'onbekend';

export async function conduct(
  db: Kysely<Database>,
  gemeente: string,
  filters: ReviewFilters,
  options: { by: ConductBy; minGroup?: number | undefined },
): Promise<ConductResponse> {
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  const scoped = () => scopedResults(db, gemeente, filters, { completedOnly: false });
  const column = KEY_COLUMN[options.by];
  const grouped = await scoped()
    .select([
      sql<string | null>`${sql.ref(column)}`.as('key'),
      sql<string | number>`count(*)`.as('n'),
      sql<string | number>`sum(case when results.pauses > 0 then 1 else 0 end)`.as('paused'),
      sql<string | number>`sum(case when results.ended_early is not null then 1 else 0 end)`.as(
        'ended_early',
      ),
      sql<string | number>`sum(case when results.status = 'aborted' then 1 else 0 end)`.as('aborted'),
      sql<string | number>`sum(case when results.interrupted = 1 then 1 else 0 end)`.as('recovered'),
      sql<string | number>`sum(case when results.pauses = 0 and results.ended_early is null
        and results.status = 'completed' and results.interrupted = 0 then 1 else 0 end)`.as('normal'),
    ])
    .groupBy(sql.ref(column))
    .execute();
  const labels = options.by === 'location' ? await deviceLabels(db, gemeente) : new Map<string, string>();
  const rows: ConductRow[] = grouped.map((g) => {
    const key = g.key ?? UNKNOWN;
    const n = Number(g.n);
    return {
      key,
      label: g.key === null ? 'Niet vastgelegd' : (labels.get(key) ?? key),
      n,
      paused: Number(g.paused),
      endedEarly: Number(g.ended_early),
      aborted: Number(g.aborted),
      recovered: Number(g.recovered),
      normal: Number(g.normal),
      tooSmall: n < minGroup,
    };
  });
  // The largest groups first: where most sittings are, a deviation weighs most.
  rows.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'nl'));
  const total = { n: 0, paused: 0, endedEarly: 0, aborted: 0, recovered: 0, normal: 0 };
  for (const row of rows) {
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row[key];
  }
  return { by: options.by, minGroup, total, rows, reasons: await reasons(scoped) };
}

async function reasons(scoped: () => ReturnType<typeof scopedResults>): Promise<ConductResponse['reasons']> {
  const counts = new Map<string, { kind: EndingKind; code: string; n: number }>();
  const add = (kind: EndingKind, code: string, n: number) => {
    const id = `${kind}:${code}`;
    const entry = counts.get(id) ?? { kind, code, n: 0 };
    entry.n += n;
    counts.set(id, entry);
  };
  // `pause_reasons` holds each sitting's distinct codes as `,a,b,`: few distinct sets, split here.
  const pauseSets = await scoped()
    .select(['results.pause_reasons as value', sql<string | number>`count(*)`.as('n')])
    .where('results.pause_reasons', 'is not', null)
    .groupBy('results.pause_reasons')
    .execute();
  for (const set of pauseSets) {
    for (const code of (set.value ?? '').split(',').filter(Boolean)) add('pause', code, Number(set.n));
  }
  for (const [kind, column] of [
    ['abort', 'results.abort_reason'],
    ['ended-early', 'results.ended_early'],
  ] as const) {
    const groups = await scoped()
      .select([sql<string>`${sql.ref(column)}`.as('value'), sql<string | number>`count(*)`.as('n')])
      .where(column, 'is not', null)
      .groupBy(sql.ref(column))
      .execute();
    for (const g of groups) add(kind, g.value, Number(g.n));
  }
  const order: EndingKind[] = ['abort', 'ended-early', 'pause'];
  return [...counts.values()]
    .sort(
      (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.n - a.n || a.code.localeCompare(b.code),
    )
    .map((r) => ({ ...r, label: endingReasonLabel(r.kind, r.code) }));
}
