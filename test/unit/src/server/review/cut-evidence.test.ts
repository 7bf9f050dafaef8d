/**
 * What the calibration says about a cesuur, in the what-if answer and the twijfelzone endpoint, on the real
 * service (SQLite, and PostgreSQL where it runs): the package of the newest result under the filters is named;
 * without a calibration the what-if says so in one line and still counts; with one, every figure equals the
 * engine's own on the same calibration and the same scores (read from the rows here, not from the service's
 * groups); a stored, signed report is preferred; a pilot package gets no probability in the twijfelzone view;
 * bad input is a 400 that says what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationFor } from '../../../../../src/server/calibration/calibration-for';
import {
  classificationAccuracy,
  probabilitySentence,
  testInformation,
  type CalibrationReport,
} from '../../../../../src/shared/psychometrics';
import { CutEvidenceResponse, WhatIfResponse } from '../../../../../src/shared/review';
import {
  addSimulatedSittings,
  addUser,
  Client,
  DB_KINDS,
  pilotPackage,
  plan,
  realPackage,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';
import { SimulationRng, simulateResponses } from '../../../../psychometrics/simulate';

/** Completed results of Utrecht per raw score, read from the rows (the oracle's own count). */
async function countsByRaw(service: ReviewService, closedBefore?: string): Promise<number[]> {
  let q = service.deps.db
    .selectFrom('results')
    .select('raw')
    .where('gemeente', '=', 'Utrecht')
    .where('status', '=', 'completed');
  if (closedBefore) q = q.where('closed_at', '<', closedBefore);
  const counts = Array.from({ length: 41 }, () => 0);
  for (const row of await q.execute()) counts[row.raw]! += 1;
  return counts;
}

/** `count` sittings of the pilot package, closed in July 2026 (after every other result here). */
async function addPilotSittings(service: ReviewService, count: number): Promise<void> {
  const template = await service.deps.db
    .selectFrom('results')
    .selectAll()
    .where('package_hash', '=', pilotPackage().packageHash)
    .executeTakeFirstOrThrow();
  const rng = new SimulationRng(5);
  const difficulties = Array.from({ length: 40 }, (_, i) => -2 + (4 * i) / 39);
  const responses = simulateResponses(
    rng,
    Array.from({ length: count }, () => rng.normal()),
    difficulties,
  );
  const rows = responses.map((answers, n) => ({
    ...template,
    result_id: `pilot-${n}`,
    session_id: `pilot-${n}`,
    envelope_hash: `pilot-${n}`,
    status: 'completed' as const,
    item_pattern: answers.join(''),
    raw: answers.reduce((s, x) => s + x, 0),
    score_mismatch: 0,
    fast_answers: 0,
    closed_at: `2026-07-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00.000Z`,
  }));
  for (let at = 0; at < rows.length; at += 100)
    await service.deps.db
      .insertInto('results')
      .values(rows.slice(at, at + 100))
      .execute();
}

/** The engine's figures at `cesuur`, computed here from the report and the counts. */
function expected(report: CalibrationReport, cesuur: number, counts: number[]) {
  const difficulties = report.items.map((item) => item.difficulty);
  const c = classificationAccuracy(cesuur, difficulties, report.abilityTable, counts);
  return { ...c, information: testInformation(c.thetaCut, difficulties) };
}

describe.each(DB_KINDS)('what the calibration says about a cesuur, on %s', (kind) => {
  let service: ReviewService;
  let client: Client;
  const real = realPackage();

  beforeAll(async () => {
    service = await startReviewService(kind);
    await addUser(service, 'consulent', 'Utrecht', 'consulent');
    await addUser(service, 'beheer', 'Utrecht', 'beheerder');
    await addUser(service, 'elders', 'Amersfoort', 'consulent');
    client = new Client(service.url);
    await client.login('consulent');
  }, 120_000);
  afterAll(async () => service?.stop());

  const whatIf = async (query: string) => {
    const answer = await client.get(`/v1/review/what-if?${query}`);
    expect(answer.status, answer.text).toBe(200);
    return WhatIfResponse.parse(answer.json);
  };
  const twijfelzone = async (query = '') => {
    const answer = await client.get(`/v1/review/twijfelzone${query ? `?${query}` : ''}`);
    expect(answer.status, answer.text).toBe(200);
    return CutEvidenceResponse.parse(answer.json);
  };

  it('says nothing when no result matches, and refuses bad input with a 400 that names it', async () => {
    expect((await whatIf('cesuur=31')).calibration).toEqual({ package: null, evidence: null, note: null });
    expect(await twijfelzone()).toEqual({ package: null, evidence: null, note: null });
    const bad = await client.get('/v1/review/twijfelzone?cesuur=dertig');
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/cesuur/);
    expect((await client.get('/v1/review/twijfelzone?cesuur=12&extra=1')).status).toBe(400);
    expect((await new Client(service.url).get('/v1/review/twijfelzone')).status).toBe(401);
  });

  it('names the package and says calmly that there is no calibration yet, and still counts', async () => {
    await seed(service, 'Utrecht', [
      plan(22, 'B1', '2026-05-02T10:00:00.000Z'),
      plan(29, 'O', '2026-05-05T10:00:00.000Z'),
      plan(30, 'onbekend', '2026-05-08T10:00:00.000Z'),
    ]);
    const answer = await whatIf('cesuur=31');
    expect(answer.total).toMatchObject({ total: 3, changed: 2, naarNietHaalbaar: 2 });
    expect(answer.calibration).toEqual({
      package: {
        packageId: 'lbt-referentie',
        version: real.definition.version,
        packageHash: real.packageHash,
        status: 'operational',
        statusText: 'operationeel',
      },
      evidence: null,
      note: 'Nog geen kalibratie voor deze versie.',
    });
    // The twijfelzone view says nothing at all then.
    expect(await twijfelzone()).toMatchObject({ evidence: null, note: null });
  }, 60_000);

  it('gives the engine’s figures at the chosen cesuur over the results under the filters', async () => {
    await addSimulatedSittings(service, 300);
    const report = (await calibrationFor(service.deps.db, real.packageHash))!;
    expect(report).not.toBeNull();
    const counts = await countsByRaw(service);
    const want = expected(report, 31, counts);

    const { calibration } = await whatIf('cesuur=31');
    const evidence = calibration.evidence!;
    expect(calibration.note).toBeNull();
    expect(calibration.package).toMatchObject({ packageHash: real.packageHash, status: 'operational' });
    expect(evidence.cesuur).toBe(31);
    expect(evidence.sittings).toBe(report.snapshot.resultCount);
    expect(evidence.abilityAtCesuur).toBe(report.abilityTable[31]!.theta);
    expect(evidence.thetaCut).toBeCloseTo(want.thetaCut, 12);
    expect(evidence.accuracy).toBeCloseTo(want.accuracy, 12);
    expect(evidence.consistency).toBeCloseTo(want.consistency, 12);
    expect(evidence.semRaw).toBeCloseTo(Math.sqrt(want.information), 12);
    expect(evidence.semLogits * evidence.semRaw).toBeCloseTo(1, 12);
    // Plausible, not only equal: a second sitting agrees less often than the truth does.
    expect(evidence.accuracy!).toBeGreaterThan(0.6);
    expect(evidence.consistency!).toBeLessThan(evidence.accuracy!);
    // The twijfelzone moves with the cesuur: the package's 2 below and 2 above, around 31.
    expect(evidence.twijfelzone).toEqual({ from: 29, to: 33 });
    expect(evidence.byRaw.map((row) => row.raw)).toEqual([29, 30, 31, 32, 33]);
    for (const row of evidence.byRaw) {
      expect(row.probability).toBeCloseTo(want.byRaw[row.raw]!.probability, 12);
      expect(row.sentence).toBe(probabilitySentence(row.probability));
    }
    const ps = evidence.byRaw.map((row) => row.probability);
    expect([...ps].sort((a, b) => a - b)).toEqual(ps);
    // Below the cesuur less likely above it than not; above it the other way round.
    expect(ps[0]!).toBeLessThan(0.5);
    expect(ps[4]!).toBeGreaterThan(0.5);
  }, 120_000);

  it('weighs by the results under the filters: a period gives its own accuracy', async () => {
    const report = (await calibrationFor(service.deps.db, real.packageHash))!;
    // June 2026 holds only the simulated sittings; the three seeded ones are in May.
    const counts = await countsByRaw(service);
    const may = [22, 29, 30];
    for (const raw of may) counts[raw]! -= 1;
    const { calibration } = await whatIf('cesuur=28&from=2026-06-01&to=2026-06-30');
    expect(calibration.evidence!.accuracy).toBeCloseTo(expected(report, 28, counts).accuracy, 12);
  }, 60_000);

  it('reads the twijfelzone the distribution draws, at its cesuur', async () => {
    const report = (await calibrationFor(service.deps.db, real.packageHash))!;
    const answer = await twijfelzone();
    const evidence = answer.evidence!;
    expect(answer.note).toBeNull();
    expect(evidence.cesuur).toBe(28);
    expect(evidence.twijfelzone).toEqual({ from: 26, to: 30 });
    const want = expected(report, 28, await countsByRaw(service));
    expect(evidence.byRaw.map((row) => [row.raw, row.sentence])).toEqual(
      [26, 27, 28, 29, 30].map((raw) => [raw, probabilitySentence(want.byRaw[raw]!.probability)]),
    );
    expect(
      evidence.byRaw.some((row) => /^ongeveer \d+ op de \d+ kandidaten? met deze score/.test(row.sentence)),
    ).toBe(true);
  }, 60_000);

  it('prefers the stored, signed calibration the beheerder ran', async () => {
    const beheer = new Client(service.url);
    await beheer.login('beheer');
    const ran = await beheer.call('POST', '/v1/review/calibrations', { packageHash: real.packageHash });
    expect(ran.status, ran.text).toBe(200);
    const stored = await beheer.get(`/v1/review/calibrations/${ran.json.reportId}`);
    const createdAt = stored.json.record.report.snapshot.createdAt as string;
    expect((await whatIf('cesuur=31')).calibration.evidence!.calibratedAt).toBe(createdAt);
    expect((await twijfelzone()).evidence!.calibratedAt).toBe(createdAt);
  }, 120_000);

  it('says why at a cesuur the scale has no place for, and still counts', async () => {
    for (const cesuur of [0, 40, 45]) {
      const answer = await whatIf(`cesuur=${cesuur}`);
      expect(answer.total.total).toBeGreaterThan(300);
      expect(answer.calibration.evidence).toBeNull();
      expect(answer.calibration.note).toBe(
        `Bij cesuur ${cesuur} zegt de kalibratie niets: kies een cesuur van 1 tot en met 39.`,
      );
    }
  }, 60_000);

  it('follows the newest result’s package: a pilot gets no probability in the twijfelzone view', async () => {
    await seed(service, 'Utrecht', [plan(31, 'onbekend', '2026-05-20T12:00:00.000Z')], pilotPackage());
    await addPilotSittings(service, 250);
    const pilot = pilotPackage();
    const zone = await twijfelzone();
    expect(zone).toEqual({
      package: {
        packageId: 'lbt-referentie',
        version: pilot.definition.version,
        packageHash: pilot.packageHash,
        status: 'pilot',
        statusText: 'proefafname (geen advies)',
      },
      evidence: null,
      note: 'Proefafname: bij deze versie hoort bij een score geen advies, dus ook geen kans per score.',
    });
    // The what-if tries a cesuur, which is what a pilot is for: figures, with the status said beside them.
    const tried = (await whatIf('cesuur=27')).calibration;
    expect(tried.package!.status).toBe('pilot');
    expect(tried.evidence!.sittings).toBeGreaterThanOrEqual(250);
    expect(tried.note).toBe(
      'Proefafname: deze cijfers laten zien wat cesuur 27 zou doen; een advies is het niet.',
    );
    // Up to June the newest result (a simulated one, June 28) is the released package's again.
    const june = await twijfelzone('to=2026-06-30');
    expect(june.package!.packageHash).toBe(realPackage().packageHash);
    expect(june.evidence!.byRaw).toHaveLength(5);
  }, 120_000);

  it('keeps to the user’s gemeente', async () => {
    const elders = new Client(service.url);
    await elders.login('elders');
    const answer = await elders.get('/v1/review/twijfelzone');
    expect(answer.json).toEqual({ package: null, evidence: null, note: null });
    expect((await elders.get('/v1/review/what-if?cesuur=31')).json.calibration.package).toBeNull();
  });
});
