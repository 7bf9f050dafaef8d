import { describe, expect, it } from 'vitest';
import {
  calibrationData,
  type CalibrationSource,
} from '../../../../../src/server/calibration/calibration-data';

const row = (
  item_pattern: string,
  closed_at: string,
  extra: Partial<CalibrationSource> = {},
): CalibrationSource => ({
  status: 'completed',
  item_pattern,
  score_mismatch: 0,
  fast_answers: 0,
  closed_at,
  ...extra,
});

describe('calibrationData', () => {
  it('uses complete, unflagged sittings and counts the rest by their first reason', () => {
    const data = calibrationData(
      [
        row('101', '2026-05-02T10:00:00.000Z'),
        row('011', '2026-05-01T10:00:00.000Z'),
        row('111', '2026-05-09T10:00:00.000Z', { status: 'aborted' }),
        row('1-1', '2026-05-03T10:00:00.000Z'),
        row('10', '2026-05-03T10:00:00.000Z'),
        row('110', '2026-05-04T10:00:00.000Z', { score_mismatch: 1, fast_answers: 2 }),
        row('100', '2026-05-05T10:00:00.000Z', { fast_answers: 1 }),
      ],
      3,
    );
    expect(data.responses).toEqual([
      [1, 0, 1],
      [0, 1, 1],
    ]);
    expect(data.used.map((r) => r.closed_at)).toEqual([
      '2026-05-02T10:00:00.000Z',
      '2026-05-01T10:00:00.000Z',
    ]);
    expect(data.excluded).toEqual({ aborted: 1, incomplete: 2, scoreMismatch: 1, fastAnswers: 1 });
    expect(data.from).toBe('2026-05-01T10:00:00.000Z');
    expect(data.to).toBe('2026-05-02T10:00:00.000Z');
  });

  it('has no date range when nothing is used', () => {
    expect(calibrationData([], 3)).toEqual({
      responses: [],
      used: [],
      excluded: { aborted: 0, incomplete: 0, scoreMismatch: 0, fastAnswers: 0 },
      from: null,
      to: null,
    });
  });
});
