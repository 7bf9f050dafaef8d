/**
 * Keeps one instance's tally store equal to the database it reads. Before every count, `fresh` reads the heads
 * of the gemeenten in scope (migration 020: one indexed row each) and brings each segment up to its head: a
 * gemeente seen for the first time is loaded whole; otherwise only the results named by changes past the
 * segment's seq are read again (stored, changed, or gone). Several instances on one database each keep their
 * own store this way; none needs to hear from another.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import { inScope, type GemeenteScope } from '../scope';
import { tallySelect, type TallyRow } from './row';
import { TallyStore, type Segment } from './store';

/** Rows per page of a first load: large enough to be quick, small enough to keep the page's objects cheap. */
const PAGE = 10_000;
/** More changes than this since the segment's seq: reading the gemeente again is cheaper than row by row. */
const RELOAD_AFTER = 20_000;
/** Result ids per `in (...)` when re-reading changed results. */
const ID_BATCH = 500;

export class ReviewTally {
  readonly store = new TallyStore();
  /** One refresh at a time: two requests arriving together must not load the same gemeente twice. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  /** The segments of `scope`, each up to date with the database as of this call. */
  fresh(scope: GemeenteScope): Promise<Segment[]> {
    const run = this.queue.then(() => this.refresh(inScope(scope)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async refresh(gemeenten: readonly string[]): Promise<Segment[]> {
    const heads = new Map<string, number>();
    for (let i = 0; i < gemeenten.length; i += ID_BATCH) {
      const rows = await this.db
        .selectFrom('review_heads')
        .select(['gemeente', 'seq'])
        .where('gemeente', 'in', gemeenten.slice(i, i + ID_BATCH))
        .execute();
      for (const r of rows) heads.set(r.gemeente, Number(r.seq));
    }
    const out: Segment[] = [];
    for (const gemeente of gemeenten) {
      // No head: nothing was written for it since migration 020 (rows from before are loaded once, at seq 0).
      const head = heads.get(gemeente) ?? 0;
      let segment = this.store.segment(gemeente);
      if (!segment) segment = await this.load(gemeente, head);
      else if (head > segment.seq) segment = await this.catchUp(segment, head);
      out.push(segment);
    }
    return out;
  }

  /**
   * The whole gemeente, in pages of result ids. The head is read before the rows, so a write committed in
   * between is in the rows and also past the head: caught up again next time, which changes nothing.
   */
  private async load(gemeente: string, head: number): Promise<Segment> {
    const segment = this.store.fresh(gemeente);
    let after = '';
    for (;;) {
      const rows = (await tallySelect(this.db)
        .where('results.gemeente', '=', gemeente)
        .where('results.result_id', '>', after)
        .orderBy('results.result_id')
        .limit(PAGE)
        .execute()) as TallyRow[];
      for (const row of rows) segment.add(row);
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.result_id;
    }
    segment.seq = head;
    return segment;
  }

  private async catchUp(segment: Segment, head: number): Promise<Segment> {
    if (head - segment.seq > RELOAD_AFTER) return this.load(segment.gemeente, head);
    const changes = await this.db
      .selectFrom('review_changes')
      .select(['seq', 'result_id'])
      .where('gemeente', '=', segment.gemeente)
      .where('seq', '>', segment.seq)
      .where('seq', '<=', head)
      .orderBy('seq')
      .execute();
    // Changes are never removed below a head an instance may still hold; if some were, start again.
    if (changes.length !== head - segment.seq) return this.load(segment.gemeente, head);
    const ids = [...new Set(changes.map((c) => c.result_id))];
    for (let i = 0; i < ids.length; i += ID_BATCH) {
      const batch = ids.slice(i, i + ID_BATCH);
      const rows = (await tallySelect(this.db)
        .where('results.result_id', 'in', batch)
        .execute()) as TallyRow[];
      const now = new Map(rows.map((r) => [r.result_id, r]));
      for (const id of batch) {
        const row = now.get(id);
        // Gone, or filed under another gemeente now: not this segment's any more.
        if (row && row.gemeente === segment.gemeente) segment.add(row);
        else segment.remove(id);
      }
    }
    segment.compactIfSparse();
    segment.seq = head;
    return segment;
  }
}

const tallies = new WeakMap<Kysely<Database>, ReviewTally>();

/** The tally of this database handle: one per service instance, made on first use. */
export function tallyFor(db: Kysely<Database>): ReviewTally {
  let tally = tallies.get(db);
  if (!tally) {
    tally = new ReviewTally(db);
    tallies.set(db, tally);
  }
  return tally;
}
