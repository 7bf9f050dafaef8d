/**
 * Every date and time the kiosk shows (console screens, refusals such as "geblokkeerd tot …") is written in one
 * time zone, the one the afnemer's watch shows; the machine's own zone setting never decides. One home, so the
 * lockout message and the console's clock can never disagree again.
 */
export const KIOSK_TIME_ZONE = 'Europe/Amsterdam';

const clock = new Intl.DateTimeFormat('nl-NL', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: KIOSK_TIME_ZONE,
});
const day = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: KIOSK_TIME_ZONE,
});
const calendarDay = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "14:05" for an ISO time, in the kiosk's time zone. */
export const kioskClock = (iso: string): string => clock.format(new Date(iso));

/**
 * "31 december 2026". A `YYYY-MM-DD` is a calendar day and is shown as written; a full ISO time is shown as the
 * day it fell on in the kiosk's time zone (23:30 UTC is already the next day in Amsterdam in winter).
 */
export function kioskDay(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return calendarDay.format(new Date(`${value}T12:00:00Z`));
  return day.format(new Date(value));
}

/** "14:05 op 22 november 2026", in the kiosk's time zone. */
export const kioskDateTime = (iso: string): string => `${kioskClock(iso)} op ${kioskDay(iso)}`;
