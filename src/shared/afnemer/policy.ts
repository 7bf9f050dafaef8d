import { z } from 'zod';

/**
 * The default candidate reference: 6-20 characters A-Z/0-9 with at least one digit. A name (letters only) never
 * fits, which is the point: the kiosk must not hold candidates' names.
 */
export const DEFAULT_CANDIDATE_REF_PATTERN = '^(?=.*[0-9])[A-Z0-9]{6,20}$';

/**
 * What the kiosk's configuration decides about the console. `showScore`: whether the afnemer sees the score when
 * closing (default no; the consulent receives it). `candidateRefPattern`: the format a candidate reference must
 * match (a JavaScript regular expression, anchored).
 */
export const ConsolePolicy = z
  .object({
    showScore: z.boolean().default(false),
    candidateRefPattern: z
      .string()
      .default(DEFAULT_CANDIDATE_REF_PATTERN)
      .refine(isUsablePattern, 'not a regular expression that refuses an empty or a letters-only reference'),
    /** Dutch hint for the reference field, e.g. "6 tot 20 hoofdletters en cijfers, minstens één cijfer". */
    candidateRefHint: z.string().default('6 tot 20 hoofdletters (A-Z) en cijfers, met minstens één cijfer'),
  })
  .strict();
export type ConsolePolicy = z.infer<typeof ConsolePolicy>;

function isUsablePattern(source: string): boolean {
  try {
    const pattern = new RegExp(source);
    // A pattern that lets a name through defeats the rule that no candidate names are entered.
    return !pattern.test('') && !pattern.test('JANSEN') && !pattern.test('Jansen');
  } catch {
    return false;
  }
}
