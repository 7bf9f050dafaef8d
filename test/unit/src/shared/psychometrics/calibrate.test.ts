import { describe, expect, it } from 'vitest';
import {
  calibrationReport,
  CalibrationReport,
  PsychometricsInputError,
} from '../../../../../src/shared/psychometrics';
import { SimulationRng, simulateResponses } from '../../../../psychometrics/simulate';

const snapshot = {
  packageHash: 'a'.repeat(64),
  from: '2026-11-01T09:00:00.000Z',
  to: '2026-11-30T16:00:00.000Z',
  createdAt: '2026-12-07T01:00:00.000Z',
  excluded: { aborted: 0, incomplete: 0, scoreMismatch: 0, fastAnswers: 0 },
};

describe('calibrationReport', () => {
  const rng = new SimulationRng(7);
  const difficulties = [-1.5, -0.75, 0, 0.75, 1.5];
  const thetas = Array.from({ length: 400 }, () => rng.normal());
  const responses = simulateResponses(rng, thetas, difficulties);
  const ids = difficulties.map((_, i) => `item-${i + 1}`);

  it('builds a report that its schema accepts, with the snapshot counted', () => {
    const report = calibrationReport(responses, ids, snapshot);
    expect(CalibrationReport.parse(report)).toEqual(report);
    expect(report.snapshot.resultCount).toBe(400);
    expect(report.abilityTable).toHaveLength(6);
    expect(report.items.map((item) => item.itemId)).toEqual(ids);
    // Difficulties in the true order, within sampling error of 400 sittings.
    report.items.forEach((item, i) =>
      expect(Math.abs(item.difficulty - difficulties[i]!)).toBeLessThan(0.35),
    );
    report.items.forEach((item) => expect(item.infit).toBeGreaterThan(0.8));
  });

  it('refuses too few sittings and item ids that do not fit', () => {
    expect(() => calibrationReport(responses.slice(0, 50), ids, snapshot)).toThrow(PsychometricsInputError);
    expect(() => calibrationReport(responses.slice(0, 50), ids, snapshot)).toThrow(
      /te weinig gegevens: 50 afnames/,
    );
    expect(() => calibrationReport(responses, ids.slice(1), snapshot)).toThrow(/4 item-id's voor 5 kolommen/);
  });

  it('is refused by the schema with a bad package hash', () => {
    const report = calibrationReport(responses, ids, snapshot);
    expect(
      CalibrationReport.safeParse({ ...report, snapshot: { ...report.snapshot, packageHash: 'x' } }).success,
    ).toBe(false);
  });
});
