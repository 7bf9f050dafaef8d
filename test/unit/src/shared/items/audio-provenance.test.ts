import { describe, expect, it } from 'vitest';
import { hasInstructionAudio } from '../../../../../src/shared/afnemer/arrangement';
import { AudioProvenance, isSpoken, languageAudio } from '../../../../../src/shared/items';

const recorded = { kind: 'recorded', speaker: 'spreker-01', date: '2026-11-30' } as const;
const synthetic = { kind: 'synthetic', engine: 'espeak-ng', voice: 'nl' } as const;
const texts = (...provenance: (AudioProvenance | null)[]) => provenance.map((p) => ({ provenance: p }));

describe('languageAudio: what the console says about a language', () => {
  it('recorded, partly recorded, synthetic or no audio, from the provenance of its texts', () => {
    expect(languageAudio(texts(recorded, recorded, recorded))).toBe('recorded');
    expect(languageAudio(texts(recorded, synthetic, synthetic))).toBe('partly-recorded');
    expect(languageAudio(texts(synthetic, synthetic))).toBe('synthetic');
    expect(languageAudio(texts(null, null))).toBe('none');
    expect(languageAudio([])).toBe('none');
  });

  it('one "has audio" rule: the host\'s hand-over rule and the console\'s label agree', () => {
    expect([isSpoken('recorded'), isSpoken('partly-recorded'), isSpoken('synthetic')]).toEqual([
      true,
      true,
      true,
    ]);
    expect([isSpoken('none'), isSpoken(undefined)]).toEqual([false, false]);
    const spoken = { a: { text: 'x', audio: 'instructions/x.ogg', provenance: synthetic } };
    const silent = { a: { text: 'x', audio: null, provenance: null } };
    expect(hasInstructionAudio({ texts: spoken } as never)).toBe(true);
    expect(hasInstructionAudio({ texts: silent } as never)).toBe(false);
    expect(hasInstructionAudio(null)).toBe(false);
  });

  it('a recording names a speaker id (never a name) and a real date', () => {
    expect(AudioProvenance.safeParse(recorded).success).toBe(true);
    expect(AudioProvenance.safeParse({ ...recorded, speaker: 'Fatima Ahmed' }).success).toBe(false);
    expect(AudioProvenance.safeParse({ ...recorded, date: '2026-13-01' }).success).toBe(false);
    expect(AudioProvenance.safeParse({ kind: 'synthetic', engine: 'espeak-ng' }).success).toBe(false);
  });
});
