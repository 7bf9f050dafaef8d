/**
 * Writes checked results with a group commit. A receipt must mean "on disk", so each write is a committed,
 * fsynced transaction (SQLite runs with synchronous=FULL). One fsync per result would cap throughput at the
 * disk's fsync rate; instead, results that arrive while a transaction is being written wait in a queue and
 * the next transaction writes all of them (up to MAX_BATCH) with one fsync. Nobody is answered before the
 * transaction holding their row has committed. Under light load a batch is one result and adds no delay; under
 * load the batch grows by itself, so no timer is tuned.
 *
 * Idempotency and races: `result_id` is the primary key and every insert is `ON CONFLICT DO NOTHING`. When the
 * insert does nothing the stored row is re-read in the same transaction: the same envelope hash is a duplicate
 * (its original receipt is returned), another hash is a conflict. This holds for two copies in one batch, and
 * for several instances writing to one PostgreSQL (where the second insert waits for the first to commit).
 */
import type { Kysely } from 'kysely';
import type { SignedReceipt } from '../../shared/results-service';
import type { ServerSigningKey } from '../crypto/server-key';
import type { Database } from '../db/tables';
import type { CheckedResult } from './check';
import { signReceipt } from './receipt';

export type WriteOutcome =
  | { kind: 'stored'; receipt: SignedReceipt }
  | { kind: 'duplicate'; receipt: SignedReceipt }
  | { kind: 'conflict' };

interface Pending {
  result: CheckedResult;
  resolve(outcome: WriteOutcome): void;
  reject(error: unknown): void;
}

/** 256 rows x 39 columns stays well under SQLite's and PostgreSQL's limits on bound parameters. */
const MAX_BATCH = 256;

export class ResultWriter {
  private queue: Pending[] = [];
  private writing = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};

  constructor(
    private readonly db: Kysely<Database>,
    private readonly key: ServerSigningKey,
    private readonly now: () => Date,
  ) {}

  write(result: CheckedResult): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ result, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        this.idle = new Promise((done) => (this.markIdle = done));
        // Let the requests already parsed in this turn of the event loop join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Resolves when every queued result is written (used before closing the database). */
  flushed(): Promise<void> {
    return this.writing ? this.idle : Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const outcomes = await this.writeBatch(batch.map((p) => p.result));
        batch.forEach((p, i) => p.resolve(outcomes[i]!));
      } catch {
        // One bad row must not fail its neighbours: write them one by one, each with its own answer.
        for (const pending of batch) {
          try {
            pending.resolve((await this.writeBatch([pending.result]))[0]!);
          } catch (error) {
            pending.reject(error);
          }
        }
      }
    }
    this.writing = false;
    this.markIdle();
  }

  private async writeBatch(results: CheckedResult[]): Promise<WriteOutcome[]> {
    const storedAt = this.now().toISOString();
    // One copy of each result id goes into the INSERT; repeats within the batch are answered from the stored row.
    const firsts = new Map<string, number>();
    results.forEach((r, i) => {
      if (!firsts.has(r.columns.result_id)) firsts.set(r.columns.result_id, i);
    });
    const receipts = results.map((result, i) =>
      firsts.get(result.columns.result_id) === i
        ? signReceipt(this.key, {
            resultId: result.columns.result_id,
            deviceId: result.columns.device_id,
            payloadHash: result.payloadHash,
            storedAt,
          })
        : null,
    );
    return this.db.transaction().execute(async (trx) => {
      // One multi-row statement per batch: the rows it returns are the ones this transaction inserted.
      const inserted = await trx
        .insertInto('results')
        .values(
          [...firsts.values()].map((i) => {
            const result = results[i]!;
            return {
              ...result.columns,
              envelope_hash: result.envelopeHash,
              payload_hash: result.payloadHash,
              envelope: result.envelopeText,
              receipt: JSON.stringify(receipts[i]),
              stored_at: storedAt,
            };
          }),
        )
        .onConflict((oc) => oc.column('result_id').doNothing())
        .returning('result_id')
        .execute();
      const insertedIds = new Set(inserted.map((row) => row.result_id));
      const others = results
        .filter((r, i) => !(insertedIds.has(r.columns.result_id) && firsts.get(r.columns.result_id) === i))
        .map((r) => r.columns.result_id);
      const existing = new Map<string, { envelope_hash: string; receipt: string }>();
      if (others.length > 0) {
        const rows = await trx
          .selectFrom('results')
          .select(['result_id', 'envelope_hash', 'receipt'])
          .where('result_id', 'in', [...new Set(others)])
          .execute();
        for (const row of rows) existing.set(row.result_id, row);
      }
      return results.map((result, i): WriteOutcome => {
        const id = result.columns.result_id;
        if (insertedIds.has(id) && firsts.get(id) === i) return { kind: 'stored', receipt: receipts[i]! };
        const row = existing.get(id);
        if (!row) throw new Error(`result ${id} was neither inserted nor found`);
        return row.envelope_hash === result.envelopeHash
          ? { kind: 'duplicate', receipt: JSON.parse(row.receipt) as SignedReceipt }
          : { kind: 'conflict' };
      });
    });
  }
}
