/**
 * The calibration the views read when no signed report is stored: the engine's run over the package's results,
 * kept; after new results the kept one answers at once (its snapshot names the results it rests on) while a
 * newer run is made, which the next answers then give. With no calibration yet, new results are calibrated
 * before the answer (there is nothing to serve meanwhile).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationFor } from '../../../../../src/server/calibration/calibration-for';
import type { ResultsTable } from '../../../../../src/server/db/tables';
import { SimulationRng, simulateResponses } from '../../../../psychometrics/simulate';
import {
  plan,
  realPackage,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';

describe('calibrationFor without a stored report', () => {
  let service: ReviewService;
  let template: ResultsTable;
  const rng = new SimulationRng(31);
  const difficulties = Array.from({ length: 40 }, (_, i) => -2 + (4 * i) / 39);

  beforeAll(async () => {
    service = await startReviewService('sqlite');
    await seed(service, 'Utrecht', [plan(25, 'onbekend', '2026-05-01T10:00:00.000Z')]);
    template = (await service.deps.db
      .selectFrom('results')
      .selectAll()
      .executeTakeFirstOrThrow()) as ResultsTable;
  }, 60_000);
  afterAll(() => service?.stop());

  async function addSittings(prefix: string, n: number) {
    const responses = simulateResponses(
      rng,
      Array.from({ length: n }, () => rng.normal()),
      difficulties,
    );
    await service.deps.db
      .insertInto('results')
      .values(
        responses.map((answers, i) => ({
          ...template,
          result_id: `${prefix}-${i}`,
          session_id: `${prefix}-${i}`,
          envelope_hash: `${prefix}-${i}`,
          item_pattern: answers.join(''),
          raw: answers.reduce((s, x) => s + x, 0),
          closed_at: `2026-06-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`,
        })),
      )
      .execute();
  }

  it('calibrates at once when there is none, then serves the kept one while a newer run is made', async () => {
    const hash = realPackage().packageHash;
    expect(await calibrationFor(service.deps.db, hash)).toBeNull();
    await addSittings('a', 300);
    const first = await calibrationFor(service.deps.db, hash);
    expect(first?.snapshot.resultCount).toBe(301);
    // Nothing written: the same report.
    expect(await calibrationFor(service.deps.db, hash)).toBe(first);
    await addSittings('b', 40);
    // New results: the kept report answers now ...
    expect(await calibrationFor(service.deps.db, hash)).toBe(first);
    // ... and a later answer rests on all 341 once the newer run is done.
    let latest = first;
    for (let i = 0; i < 200 && latest?.snapshot.resultCount !== 341; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      latest = await calibrationFor(service.deps.db, hash);
    }
    expect(latest?.snapshot.resultCount).toBe(341);
  });
});
