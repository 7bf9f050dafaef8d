import { describe, expect, it } from 'vitest';
import {
  checkCandidateReference,
  fitsMask,
  looksLikeName,
  passesElfproef,
  passesLuhn,
  ReferenceForm,
  referenceFitsForm,
} from '../../../../../src/shared/afnemer/reference-form';
import { DEFAULT_CANDIDATE_REF_PATTERN } from '../../../../../src/shared/afnemer/policy';

const FALLBACK = {
  candidateRefPattern: DEFAULT_CANDIDATE_REF_PATTERN,
  candidateRefHint: '6 tot 20 hoofdletters (A-Z) en cijfers, met minstens één cijfer',
};
const ELF = ReferenceForm.parse({ masks: ['999999999'], checkDigit: 'elfproef', example: '123456782' });

describe('candidate reference form', () => {
  it('refuses a name, with or without a form, and names the expected form and example', () => {
    for (const form of [ELF, null]) {
      const checked = checkCandidateReference('Jan de Vries 2', form, FALLBACK);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(/^Dit lijkt een naam/);
    }
    const withForm = checkCandidateReference('JAN DE VRIES 2', ELF, FALLBACK);
    expect(!withForm.ok && withForm.message).toContain('bijvoorbeeld 123456782');
    expect(looksLikeName('de Vries')).toBe(true);
    expect(looksLikeName('123 456 782')).toBe(false);
    expect(looksLikeName('KL123456')).toBe(false);
  });

  it('accepts a reference that fits the mask and the 11-proef, digit groups joined', () => {
    expect(checkCandidateReference('123456782', ELF, FALLBACK)).toEqual({ ok: true, reference: '123456782' });
    expect(checkCandidateReference(' 123 456 782 ', ELF, FALLBACK)).toEqual({
      ok: true,
      reference: '123456782',
    });
  });

  it('refuses a wrong check digit and a wrong shape, saying which', () => {
    const wrongDigit = checkCandidateReference('123456781', ELF, FALLBACK);
    expect(!wrongDigit.ok && wrongDigit.message).toContain('11-proef');
    const wrongShape = checkCandidateReference('12345678', ELF, FALLBACK);
    expect(!wrongShape.ok && wrongShape.message).toContain('de vorm klopt niet');
    expect(!wrongShape.ok && wrongShape.message).toContain('999999999 (9 cijfers) met 11-proef');
  });

  it('computes the 11-proef and Luhn', () => {
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });

  it('matches masks position by position, with letters and separators', () => {
    expect(fitsMask('AA-9999', 'KL-1234')).toBe(true);
    expect(fitsMask('AA-9999', 'KL1234')).toBe(false);
    expect(fitsMask('XX9999', '1A2345')).toBe(true);
    const luhn = ReferenceForm.parse({
      masks: ['99999999999', 'A9999999999'],
      checkDigit: 'luhn',
      example: '79927398713',
    });
    expect(referenceFitsForm(luhn, '79927398713')).toBe(true);
    expect(referenceFitsForm(luhn, '79927398710')).toBe(false);
  });

  it('refuses a form that could let a name through, or whose example does not fit', () => {
    expect(
      ReferenceForm.safeParse({ masks: ['AAAAAA'], checkDigit: 'geen', example: 'JANSEN' }).success,
    ).toBe(false);
    expect(
      ReferenceForm.safeParse({ masks: ['9999(9+)+'], checkDigit: 'geen', example: '1234' }).success,
    ).toBe(false);
    expect(
      ReferenceForm.safeParse({ masks: ['999999999'], checkDigit: 'elfproef', example: '123456789' }).success,
    ).toBe(false);
  });

  it('answers a long hostile reference at once: a mask never backtracks', () => {
    // The classic catastrophic input for a nested-quantifier regex; a mask compares lengths first.
    const hostile = '9'.repeat(50_000) + '!';
    let calls = 0;
    for (const mask of ['9999', 'XXXXXXXXXXXXXXXXXXXXXXXX']) {
      expect(fitsMask(mask, hostile)).toBe(false);
      calls++;
    }
    expect(calls).toBe(2);
    expect(checkCandidateReference(hostile, ELF, FALLBACK).ok).toBe(false);
  });

  it('without a form falls back to the kiosk pattern and keeps refusing names', () => {
    expect(checkCandidateReference('KL123456', null, FALLBACK)).toEqual({ ok: true, reference: 'KL123456' });
    const letters = checkCandidateReference('Jansen', null, FALLBACK);
    expect(!letters.ok && letters.message).toContain('Vul nooit een naam in');
  });
});
