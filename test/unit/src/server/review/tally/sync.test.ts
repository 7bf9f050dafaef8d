/**
 * A tally that was loaded once and then only caught up (migration 020's change feed) stays equal to the
 * database through every kind of write: results stored, updated and deleted, leerroutes recorded, changed and
 * removed, on both databases and seen from a second connection (a second service instance). Also: a feed with a
 * gap (changes removed) makes it load the gemeente again instead of missing rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../../../../../src/server/db/open';
import type { ResultsTable } from '../../../../../../src/server/db/tables';
import { distribution } from '../../../../../../src/server/review/distribution';
import { ReviewTally, tallyFor } from '../../../../../../src/server/review/tally/sync';
import { SimulationRng } from '../../../../../psychometrics/simulate';
import { recountReview } from '../../../../../support/review-recount';
import {
  DB_KINDS,
  plan,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../../support/review-support';
import { insertRandomResults, randomRoutes } from '../../../../../support/tally-data';

const GEMEENTE = 'GM0363';
const OTHER = 'GM0599';

describe.each(DB_KINDS)('the review tally catching up on %s', (kind) => {
  let service: ReviewService;
  let template: ResultsTable;
  let devices: Record<string, string[]>;

  beforeAll(async () => {
    service = await startReviewService(kind);
    await seed(service, GEMEENTE, [plan(30, 'B1', '2026-02-01T10:00:00Z')]);
    await seed(service, OTHER, [plan(25, 'O', '2026-02-03T10:00:00Z')]);
    const db = service.deps.db;
    template = (await db.selectFrom('results').selectAll().executeTakeFirstOrThrow()) as ResultsTable;
    devices = {};
    for (const g of [GEMEENTE, OTHER]) {
      devices[g] = (
        await db.selectFrom('devices').select('device_id').where('gemeente', '=', g).execute()
      ).map((d) => d.device_id);
    }
  }, 120_000);
  afterAll(() => service?.stop());

  it('follows stores, updates, deletes and route changes, from this and from a second connection', async () => {
    const db = service.deps.db;
    const kept = new ReviewTally(db);
    // The second instance: its own connection to the same database, its own tally.
    const second = connectDatabase(
      { dataDir: service.deps.dataDir, ...(service.databaseUrl ? { databaseUrl: service.databaseUrl } : {}) },
      2,
    );
    const elsewhere = new ReviewTally(second.db);
    try {
      const rng = new SimulationRng(9);
      expect(await recountReview(db, kept)).toSatisfy(equal);
      const ids: string[] = [];
      for (let step = 0; step < 6; step++) {
        ids.push(
          ...(await insertRandomResults(db, rng, template, {
            prefix: `s${step}`,
            count: 120,
            gemeenten: devices,
          })),
        );
        await randomRoutes(db, rng, ids);
        // Some results go (retention, erasure): their routes first, as those paths do.
        const gone = ids.filter(() => rng.next() < 0.05);
        if (gone.length > 0) {
          await db.deleteFrom('leerroutes').where('result_id', 'in', gone).execute();
          await db.deleteFrom('results').where('result_id', 'in', gone).execute();
          for (const id of gone) ids.splice(ids.indexOf(id), 1);
        }
        // And one changes in place (a repair), which must be seen too.
        if (ids.length > 0) {
          await db
            .updateTable('results')
            .set({ doelgroep: 'overige-migrant', raw: 40 })
            .where('result_id', '=', ids[0]!)
            .execute();
        }
        const here = await recountReview(db, kept);
        expect(here, `step ${step}`).toSatisfy(equal);
        expect(here.counted.length).toBeGreaterThan(0);
        const there = await recountReview(second.db, elsewhere);
        expect(there.counted, `step ${step}, second instance`).toEqual(here.counted);
      }
      // Caught up, not reloaded: the segments are the ones first made.
      const first = kept.store.segment(GEMEENTE);
      await kept.fresh(GEMEENTE);
      expect(kept.store.segment(GEMEENTE)).toBe(first);
    } finally {
      await second.db.destroy();
    }
  });

  it('loads a gemeente again when changes it needs were removed from the feed', async () => {
    const db = service.deps.db;
    const tally = new ReviewTally(db);
    await tally.fresh(GEMEENTE);
    const before = tally.store.segment(GEMEENTE);
    const rng = new SimulationRng(4);
    await insertRandomResults(db, rng, template, {
      prefix: 'gap',
      count: 30,
      gemeenten: { [GEMEENTE]: devices[GEMEENTE]! },
    });
    await db.deleteFrom('review_changes').where('gemeente', '=', GEMEENTE).execute();
    expect(await recountReview(db, tally)).toSatisfy(equal);
    expect(tally.store.segment(GEMEENTE)).not.toBe(before);
  });

  it('answers the distribution of a service from its own tally, up to date after each upload', async () => {
    const db = service.deps.db;
    const before = await distribution(db, GEMEENTE, {});
    await seed(service, GEMEENTE, [plan(33, 'B1', '2026-03-01T10:00:00Z')]);
    const after = await distribution(db, GEMEENTE, {});
    expect(after.total).toBe(before.total + 1);
    expect(after.histogram[33]!.count).toBe(before.histogram[33]!.count + 1);
    expect(tallyFor(db)).toBe(tallyFor(db));
  });
});

function equal(r: { counted: string[]; direct: string[] }): boolean {
  return JSON.stringify(r.counted) === JSON.stringify(r.direct);
}
