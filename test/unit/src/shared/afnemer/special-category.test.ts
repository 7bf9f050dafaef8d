import { describe, expect, it } from 'vitest';
import { medicalWarning, medicalWords } from '../../../../../src/shared/afnemer/special-category';

describe('the medical-word check', () => {
  it('finds words that start with a listed stem, ignoring case and accents', () => {
    expect(medicalWords('Kandidaat is Depressief en gaat naar de huisarts (diagnose PTSS).')).toEqual([
      'Depressief',
      'huisarts',
      'diagnose',
      'PTSS',
    ]);
    expect(medicalWords('Therapeutische begeleiding')).toEqual(['Therapeutische']);
  });

  it('takes short stems only as whole words, and leaves ordinary words alone', () => {
    expect(medicalWords('Het IQ is niet gemeten')).toEqual(['IQ']);
    expect(medicalWords('liquide middelen, hartelijk, partner, motivatie voor opleiding')).toEqual([]);
  });

  it('warns in Dutch, naming the words, and says nothing about clean text', () => {
    expect(medicalWarning('Is zwanger')).toBe(
      'Let op: "zwanger" lijkt medisch. Laat dat weg als het niet nodig is; opslaan kan wel.',
    );
    expect(medicalWarning('Heeft een opleiding in het land van herkomst afgerond')).toBeNull();
  });
});
