/**
 * What the result sheet says about advice (issue 19): a pilot result carries none anywhere (sheet, list, CSV),
 * every sheet names the package, its version, the definition status and the cesuur version, and under a released
 * cesuur the sheet gives the probability line once the package has a calibration (and says calmly when not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  Client,
  pilotPackage,
  plan,
  realPackage,
  seed,
  startReviewService,
  type ReviewService,
} from '../../../../support/review-support';
import { recordLeerroute } from '../../../../../src/server/review/leerroute';

const who = { username: 'u-consulent', gemeente: 'Utrecht' };

describe('result sheet and advice', () => {
  let service: ReviewService;
  let client: Client;
  let pilot: string[];
  let released: string[];

  beforeAll(async () => {
    service = await startReviewService('sqlite');
    pilot = await seed(
      service,
      'Utrecht',
      [plan(10, 'Z', '2026-05-01T10:00:00.000Z'), plan(35, 'B1', '2026-05-02T10:00:00.000Z')],
      pilotPackage(),
    );
    released = await seed(service, 'Utrecht', [plan(30, 'B1', '2026-05-03T10:00:00.000Z')]);
    await addUser(service, 'u-consulent', 'Utrecht', 'consulent');
    client = new Client(service.url);
    await client.login('u-consulent');
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
  });

  it('gives a pilot result no advice: sheet, list and CSV say "proefafname: geen advies"', async () => {
    for (const id of pilot) {
      const answer = await client.get(`/v1/review/results/${id}`);
      expect(answer.status).toBe(200);
      const sheet = answer.json;
      expect(sheet).toMatchObject({
        outcome: 'geen-advies',
        outcomeText: 'proefafname: geen advies',
        definitionStatus: 'pilot',
        definitionStatusText: 'proefafname (geen advies)',
        voorlopig: null,
        probabilityLine: null,
        package: { packageId: 'lbt-referentie', version: pilotPackage().definition.version },
      });
      expect(sheet.package.packageHash).toBe(pilotPackage().packageHash);
      expect(sheet.cesuurVersionText).toMatch(
        /^landelijke cesuur als plaatshouder \(versie 1, \d{4}-\d{2}-\d{2}\)$/,
      );
      expect(answer.text).not.toMatch(/haalbaar/i);
    }
    const list = await client.get('/v1/review/results?limit=50&offset=0');
    const outcomes = new Map(
      list.json.rows.map((r: { resultId: string; outcome: string }) => [r.resultId, r.outcome]),
    );
    expect(pilot.map((id) => outcomes.get(id))).toEqual(['geen-advies', 'geen-advies']);
    const csv = await client.get('/v1/review/export/results.csv');
    expect(csv.status).toBe(200);
    const lines = csv.text.split('\r\n').filter((line) => line.includes('proefafname: geen advies'));
    expect(lines).toHaveLength(2);
  });

  it('asks no reason for a route after a pilot result: there is no advice to go against', async () => {
    // 10 right would be "niet haalbaar" under an advice; B1 would then need a reason and an explanation.
    const recorded = await recordLeerroute(service.deps.db, service.deps.now(), who, pilot[0]!, {
      route: 'B1',
    });
    expect(recorded).toMatchObject({ route: 'B1', conform: true });
  });

  it('leaves pilot results out of the percentage haalbaar in the conditions view, and counts them', async () => {
    const c = (await client.get('/v1/review/conditions?minGroup=1')).json;
    const input = c.dimensions.find((d: { dimension: string }) => d.dimension === 'inputType');
    // Three sittings by touch: two pilots (10 and 35 right, no advice) and 30 of the released package (haalbaar).
    expect(input.groups).toEqual([
      expect.objectContaining({ value: 'touch', n: 3, haalbaar: 1, pctHaalbaar: 100, withoutAdvice: 2 }),
    ]);
  });

  it('names package, version, status and cesuur version under a released cesuur, and says when no calibration exists', async () => {
    const sheet = (await client.get(`/v1/review/results/${released[0]}`)).json;
    const pkg = realPackage();
    expect(sheet).toMatchObject({
      outcome: 'haalbaar',
      outcomeText: 'B1-route haalbaar',
      definitionStatus: 'operational',
      package: { packageId: 'lbt-referentie', version: pkg.definition.version, packageHash: pkg.packageHash },
    });
    expect(sheet.cesuurVersionText).toMatch(/^testversie: landelijke cesuur \(versie 2, 2026-12-07\)$/);
    expect(sheet.probabilityLine).toMatch(/^Nog geen kalibratie/);
  });

  it('shows the probability line once the package has a calibration', async () => {
    // 240 sittings of the released package, scores spread over the scale: enough for a calibration (200).
    const many = Array.from({ length: 240 }, (_, i) =>
      plan(4 + (i % 35), 'onbekend', new Date(Date.UTC(2026, 4, 10, 0, i)).toISOString()),
    );
    const ids = await seed(service, 'Utrecht', many);
    const low = ids[10 - 4]!;
    const high = ids[38 - 4]!;
    const lowSheet = (await client.get(`/v1/review/results/${low}`)).json;
    expect(lowSheet.raw).toBe(10);
    expect(lowSheet.probabilityLine).toBe('Vrijwel geen kandidaat met deze score hoort boven de cesuur.');
    const highSheet = (await client.get(`/v1/review/results/${high}`)).json;
    expect(highSheet.raw).toBe(38);
    expect(highSheet.probabilityLine).toMatch(
      /^(Vrijwel alle|Ongeveer \d+ op de \d+) kandidaten met deze score horen boven de cesuur\.$/,
    );
    // The pilot's sheets stay without one.
    expect((await client.get(`/v1/review/results/${pilot[1]}`)).json.probabilityLine).toBeNull();
  }, 120_000);
});
