import { describe, expect, it } from 'vitest';
import { AudioProvenance, languageAudio } from '../../../../../src/shared/items';

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

  it('a recording names a speaker id (never a name) and a real date', () => {
    expect(AudioProvenance.safeParse(recorded).success).toBe(true);
    expect(AudioProvenance.safeParse({ ...recorded, speaker: 'Fatima Ahmed' }).success).toBe(false);
    expect(AudioProvenance.safeParse({ ...recorded, date: '2026-13-01' }).success).toBe(false);
    expect(AudioProvenance.safeParse({ kind: 'synthetic', engine: 'espeak-ng' }).success).toBe(false);
  });
});
