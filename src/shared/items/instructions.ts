import { z } from 'zod';
import { AudioProvenance } from './audio-provenance';
import { AudioPath, FamilyId, LanguageCode } from './ids';

/**
 * The spoken-and-written instructions, the same in every language, word for word. `home.*` only the practice
 * app on a phone shows (renderer/practice: what happens on the day, nothing leaves the phone); every language
 * still carries them, spoken wherever it speaks the rest.
 */
export const InstructionKey = z.enum([
  'welcome',
  'practice',
  'practice.again',
  'test.start',
  ...FamilyId.options.map((family) => `family.${family}` as const),
  'voorbeeld',
  'opgave',
  'pause',
  'end',
  'home.day',
  'home.private',
]);
export type InstructionKey = z.infer<typeof InstructionKey>;

/** Accessible names and the few words a candidate screen carries (button names, feedback). */
export const UiKey = z.enum([
  'play',
  'replay',
  'next',
  'option',
  'tile',
  'slot',
  'target',
  'look',
  'your-turn',
  'correct',
  'try-again',
  'call-afnemer',
  'progress',
]);
export type UiKey = z.infer<typeof UiKey>;

export const InstructionText = z
  .object({
    text: z.string().min(1),
    /** Spoken version; null where no voice exists for the language (then pictograms + the afnemer script). */
    audio: AudioPath.nullable(),
    /** Who or what spoke `audio`: a recording or the synthetic voice; null exactly when there is no audio. */
    provenance: AudioProvenance.nullable(),
  })
  .strict()
  .refine((t) => (t.audio === null) === (t.provenance === null), {
    message: 'audio and provenance go together: both set, or both null',
    path: ['provenance'],
  });

export const Instructions = z
  .object({
    schema: z.literal('lbt.instructions/1'),
    language: LanguageCode,
    /** The language's own name for itself, shown to the afnemer when choosing. */
    name: z.string().min(1),
    /** The language's name in Dutch, for the afnemer console. */
    nameNl: z.string().min(1),
    direction: z.enum(['ltr', 'rtl']),
    /** Which synthetic voice the language has, or why there is none (recordings may still exist: see `texts`). */
    voice: z.union([
      z.object({ available: z.literal(true), engine: z.literal('espeak-ng'), voice: z.string() }).strict(),
      z.object({ available: z.literal(false), reason: z.string().min(1) }).strict(),
    ]),
    texts: z.record(InstructionKey, InstructionText),
    /** `{n}` in a UI string is replaced by a number (e.g. "Antwoord {n}"). */
    ui: z.record(UiKey, z.string().min(1)),
  })
  .strict();
export type Instructions = z.infer<typeof Instructions>;
