import { describe, expect, it } from 'vitest';
import { kioskClock, kioskDateTime, kioskDay, refusal } from '../../../../../src/shared/afnemer';
import { dutchDate, dutchTime } from '../../../../../renderer/kiosk/console/dutch';

/** Issue 16, item 9: the lockout said 22:26 (Amsterdam) while the console showed the machine's clock. */
describe('kiosk time: one time zone for every time shown', () => {
  it('writes times in Europe/Amsterdam, winter and summer, whatever the machine says', () => {
    expect(kioskClock('2026-12-07T21:26:00.000Z')).toBe('22:26');
    expect(kioskClock('2026-07-01T20:26:00.000Z')).toBe('22:26');
  });

  it('names the Amsterdam day of a time, and a calendar date as written', () => {
    expect(kioskDay('2026-12-31T23:30:00.000Z')).toBe('1 januari 2027');
    expect(kioskDay('2026-12-31')).toBe('31 december 2026');
    expect(kioskDateTime('2026-12-31T23:30:00.000Z')).toBe('00:30 op 1 januari 2027');
  });

  it('is the same formatter in the lockout refusal and on the console screens', () => {
    const lockedUntil = '2026-12-07T21:26:00.000Z';
    expect(refusal.locked(lockedUntil).message).toContain(`geblokkeerd tot ${dutchTime(lockedUntil)} op`);
    expect(dutchTime).toBe(kioskClock);
    expect(dutchDate).toBe(kioskDay);
  });
});
