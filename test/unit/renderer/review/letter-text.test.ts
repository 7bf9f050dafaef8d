import { describe, expect, it } from 'vitest';
import { LanguageCode } from '../../../../src/shared/items';
import { LETTER_LABELS, letterDateTime } from '../../../../renderer/review/letter-text';

describe("the invitation letter's words in the candidate's language", () => {
  it('labels date, time, place and what to bring in every language, each its own translation', () => {
    for (const language of LanguageCode.options) {
      const labels = LETTER_LABELS[language];
      for (const field of ['date', 'time', 'place', 'bring'] as const) {
        expect(labels[field].trim(), `${language} ${field}`).not.toBe('');
        if (language !== 'nl')
          expect(labels[field], `${language} ${field}`).not.toBe(LETTER_LABELS.nl[field]);
      }
    }
  });

  it('writes the date as the language does, in the Gregorian calendar', () => {
    expect(letterDateTime('2027-01-14', '10:30', 'nl')).toEqual({
      date: 'donderdag 14 januari 2027',
      time: '10:30',
    });
    expect(letterDateTime('2027-01-14', '10:30', 'ar').date).toContain('يناير');
    // Farsi's own calendar would put this day in 1405; the letter's two halves must name the same day.
    const farsi = letterDateTime('2027-01-14', '10:30', 'fa').date;
    expect(farsi).toContain('ژانویه');
    expect(farsi).toContain('۲۰۲۷');
    expect(farsi).not.toContain('۱۴۰۵');
  });

  it('falls back to a numeric date, never Dutch month names, where the browser lacks the language', () => {
    const chromiumKnows = (language: string) => !['ti', 'so', 'ps'].includes(language);
    for (const language of ['ti', 'so', 'ps'] as const)
      expect(letterDateTime('2027-01-14', '10:30', language, chromiumKnows)).toEqual({
        date: '14-01-2027',
        time: '10:30',
      });
    for (const language of LanguageCode.options.filter((l) => l !== 'nl'))
      expect(letterDateTime('2027-01-14', '', language).date, language).not.toMatch(/januari|donderdag/);
  });

  it('leaves the date empty until one is chosen, and the time as typed', () => {
    expect(letterDateTime('', '10:30', 'ar')).toEqual({ date: '', time: '10:30' });
    expect(letterDateTime('2027-01-14', '', 'en').time).toBe('');
  });
});
