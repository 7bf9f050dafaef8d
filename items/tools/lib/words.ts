import type { Registry } from './registry';

/**
 * Invented words: only consonant-vowel syllables from a small set, spoken by the Dutch espeak-ng voice from phoneme
 * mnemonics (not from spelling), so every word sounds exactly as written here, with the stress on the first
 * syllable. They were chosen not to be words in the seven instruction languages as far as we know; a native
 * speaker review should confirm this (see docs/ITEMS.md).
 */
const CONSONANTS = new Set(['p', 't', 'k', 'm', 'n', 'l', 's', 'f', 'd', 'b', 'r', 'v']);
const VOWEL_PHONEME: Record<string, string> = { a: 'a:', e: 'e:', i: 'i', o: 'o:', u: 'u' };

export const WORD_VOICE = 'nl';
export const WORD_SPEED = 110;

/** Splits `pemoki` into `pe mo ki`; throws on anything that is not strict CV. */
export function syllables(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 2) {
    const c = word[i]!;
    const v = word[i + 1];
    if (!CONSONANTS.has(c) || v === undefined || !(v in VOWEL_PHONEME))
      throw new Error(`"${word}" is not CV syllables`);
    out.push(c + v);
  }
  return out;
}

function phonemes(word: string): string {
  return `[[${syllables(word)
    .map((s, i) => (i === 0 ? s[0] + "'" : s[0]) + VOICE_VOWEL(s[1]!))
    .join('')}]]`;
}
const VOICE_VOWEL = (v: string): string => VOWEL_PHONEME[v]!;

/** The sound file of one invented word (or a syllable). */
export function wordAudio(reg: Registry, word: string): string {
  return reg.sound(`audio/w-${word}.ogg`, { voice: WORD_VOICE, speed: WORD_SPEED, text: phonemes(word) });
}

/** The sound file of an invented sentence: its words with a short pause between them. */
export function sentenceAudio(reg: Registry, words: string[]): string {
  return reg.sound(`audio/s-${words.join('-')}.ogg`, {
    voice: WORD_VOICE,
    speed: WORD_SPEED - 10,
    text: words.map(phonemes).join(' , '),
  });
}
