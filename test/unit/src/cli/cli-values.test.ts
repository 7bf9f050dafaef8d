import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { checkCliValues, cliInteger } from '../../../../src/cli/cli-values';
import { lbtInProcess } from '../../../support/lbt-in-process';

describe('lbt option numbers through zod', () => {
  it('turns digits in range into a number and refuses the rest, naming the option and the value', () => {
    const port = cliInteger('--port', { min: 0, max: 65535 });
    expect(port.parse('0')).toBe(0);
    expect(port.parse('65535')).toBe(65535);
    const refusal = (schema: z.ZodType, raw: string) => schema.safeParse(raw).error?.issues[0]?.message;
    for (const raw of ['65536', '-1', '1.5', '1e3', ' 80', '', 'x']) {
      expect(refusal(port, raw)).toBe(
        `--port must be a whole number from 0 to 65535, not ${JSON.stringify(raw)}.`,
      );
    }
    expect(refusal(cliInteger('--n', { min: 1, what: 'a count' }), '0')).toBe(
      '--n must be a count, not "0".',
    );
  });

  it('prints every refusal and returns null; leaves an unset optional option undefined', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const shape = {
        a: cliInteger('--a', { min: 0, max: 9 }),
        b: cliInteger('--b', { min: 0, max: 9 }).optional(),
      };
      expect(checkCliValues(shape, { a: '3', other: true })).toEqual({ a: 3 });
      expect(checkCliValues(shape, { a: 'x', b: '10' })).toBeNull();
      expect(error.mock.calls.map((call) => String(call[0]))).toEqual([
        '--a must be a whole number from 0 to 9, not "x".',
        '--b must be a whole number from 0 to 9, not "10".',
      ]);
    } finally {
      error.mockRestore();
    }
  });

  it.each([
    [
      ['kiosk', 'enroll', '--server', 'http://127.0.0.1:1', '--code', 'C', '--retention-days', '3651'],
      /--retention-days must be a whole number of days \(0 to 3650\), not "3651"\./,
    ],
    [
      ['demo-data', '--gemeente', 'Utrecht', '--count', '0'],
      /--count must be a whole number from 1 to 1000000/,
    ],
    [['demo-data', '--gemeente', 'Utrecht', '--seed', 'x'], /--seed must be a whole number, not "x"\./],
    [['server', '--rate-limit', '1.5'], /--rate-limit must be a whole number of requests per minute/],
  ])('lbt %j exits 2 before doing anything', async (args, message) => {
    const run = await lbtInProcess(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
