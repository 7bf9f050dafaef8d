import type { LanguageCode } from '../../src/shared/items';

/**
 * The four words beside the invitation letter's pictograms, in every language of the package (the Dutch row also
 * names the form's fields). Written for this project like the package's instructions, and like them awaiting a
 * certified translator's review. A Record over LanguageCode: a new package language does not build without them.
 */
export const LETTER_LABELS: Record<
  LanguageCode,
  { date: string; time: string; place: string; bring: string }
> = {
  nl: { date: 'Datum', time: 'Tijd', place: 'Plaats', bring: 'Meenemen' },
  en: { date: 'Date', time: 'Time', place: 'Place', bring: 'Bring' },
  ar: { date: 'التاريخ', time: 'الوقت', place: 'المكان', bring: 'أحضِر معك' },
  fa: { date: 'تاریخ', time: 'ساعت', place: 'مکان', bring: 'همراه بیاورید' },
  tr: { date: 'Tarih', time: 'Saat', place: 'Yer', bring: 'Yanınızda getirin' },
  uk: { date: 'Дата', time: 'Час', place: 'Місце', bring: 'Візьміть із собою' },
  ti: { date: 'ዕለት', time: 'ሰዓት', place: 'ቦታ', bring: 'ምሳኹም ኣምጽኡ' },
  so: { date: 'Taariikhda', time: 'Saacadda', place: 'Goobta', bring: 'Soo qaado' },
  ps: { date: 'نېټه', time: 'وخت', place: 'ځای', bring: 'له ځان سره راوړئ' },
};

/** Whether this browser formats dates in `language` (Chromium has no Tigrinya, Somali or Pashto data). */
const knowsLocale = (language: string): boolean =>
  Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0;

/**
 * The sitting's date and time (from the form's `YYYY-MM-DD` and `HH:MM`) as `language` writes them, always in the
 * Gregorian calendar so both halves of the letter name the same day (Farsi and Pashto would otherwise get the
 * Solar Hijri one). Where the browser does not know the language: a numeric date, dd-mm-yyyy, and the 24-hour
 * time, rather than another language's month names.
 */
export function letterDateTime(
  date: string,
  time: string,
  language: LanguageCode,
  knows: (language: string) => boolean = knowsLocale,
): { date: string; time: string } {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!day) return { date: '', time };
  if (!knows(language)) return { date: `${day[3]}-${day[2]}-${day[1]}`, time };
  const when = new Date(`${date}T${time || '12:00'}`);
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(language, { calendar: 'gregory', ...options }).format(when);
  return { date: format({ dateStyle: 'full' }), time: time ? format({ timeStyle: 'short' }) : '' };
}
