import { Instructions, InstructionKey, type LanguageCode } from '../../../src/shared/items/index';
import type { Registry } from '../lib/registry';
import type { Translation, Translations } from './translation';
import { EN, NL, TR } from './translations-a';
import { AR, FA, TI, UK } from './translations-b';
import { PS, SO } from './translations-c';

export const TRANSLATIONS: Translations = {
  nl: NL,
  en: EN,
  ar: AR,
  fa: FA,
  tr: TR,
  uk: UK,
  ti: TI,
  so: SO,
  ps: PS,
};

/** Instructions are spoken a little slower than espeak-ng's default (175 words per minute), to sound calm. */
const INSTRUCTION_SPEED = 140;
const noVoice = (t: Translation): string =>
  `espeak-ng 1.51 (Debian) has no ${t.nameNl} voice and no recordings exist; the text is shown, and the console asks for an interpreter.`;

function build(reg: Registry, language: LanguageCode, t: Translation): Instructions {
  const clean = (s: string): string => s.replaceAll('~', '\u200c');
  const texts = Object.fromEntries(
    InstructionKey.options.map((key) => {
      const text = clean(t.texts[key]);
      const audio =
        t.voice === null
          ? null
          : reg.sound(`instructions/${language}/${key}.ogg`, {
              voice: t.voice,
              speed: INSTRUCTION_SPEED,
              text,
            });
      const provenance = t.voice === null ? null : { kind: 'synthetic', engine: 'espeak-ng', voice: t.voice };
      return [key, { text, audio, provenance }];
    }),
  );
  return Instructions.parse({
    schema: 'lbt.instructions/1',
    language,
    name: t.name,
    nameNl: t.nameNl,
    direction: t.direction,
    voice:
      t.voice === null
        ? { available: false, reason: noVoice(t) }
        : { available: true, engine: 'espeak-ng', voice: t.voice },
    texts,
    ui: Object.fromEntries(Object.entries(t.ui).map(([k, v]) => [k, clean(v)])),
  });
}

export function buildInstructions(reg: Registry): Instructions[] {
  return (Object.entries(TRANSLATIONS) as Array<[LanguageCode, Translation]>).map(([lang, t]) =>
    build(reg, lang, t),
  );
}
