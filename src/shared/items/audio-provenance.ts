import { z } from 'zod';

/**
 * Where a spoken file came from: a person recorded it (who, and when), or a speech engine made it (which engine and
 * voice). Instructions must be the same for everyone; a result names what the candidate heard, so a sitting with a
 * robot voice can be told apart from one with a human voice.
 */
export const AudioProvenance = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('recorded'),
      /** A speaker id, not a name: the publisher keeps who it is. */
      speaker: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes'),
      /** The day of the recording (YYYY-MM-DD). */
      date: z.iso.date(),
    })
    .strict(),
  z.object({ kind: z.literal('synthetic'), engine: z.string().min(1), voice: z.string().min(1) }).strict(),
]);
export type AudioProvenance = z.infer<typeof AudioProvenance>;

/** What the afnemer is told about a language's spoken instructions when choosing it. */
export const LanguageAudio = z.enum(['recorded', 'partly-recorded', 'synthetic', 'none']);
export type LanguageAudio = z.infer<typeof LanguageAudio>;

/**
 * The audio status of one language from the provenance of its instruction texts: every text recorded, some, none
 * (all synthetic), or no audio at all. The package rules keep a language all-spoken or all-silent, so "none" is
 * never half-silent.
 */
/** Whether a language with this audio status speaks its instructions at all: the one "has audio" rule. */
export function isSpoken(audio: LanguageAudio | undefined): boolean {
  return audio !== undefined && audio !== 'none';
}

export function languageAudio(texts: Iterable<{ provenance: AudioProvenance | null }>): LanguageAudio {
  let recorded = 0;
  let spoken = 0;
  let total = 0;
  for (const { provenance } of texts) {
    total += 1;
    if (provenance) spoken += 1;
    if (provenance?.kind === 'recorded') recorded += 1;
  }
  if (spoken === 0) return 'none';
  if (recorded === 0) return 'synthetic';
  return recorded === total ? 'recorded' : 'partly-recorded';
}
