import { isSpoken, languageAudio } from '../items/audio-provenance';
import type { Instructions } from '../items/instructions';
import type { ConditionsChecklist } from './contract';

/**
 * Whether a language's instructions can be heard (Tigrinya's cannot today), for the host's hand-over rule: the
 * audio status the console shows beside the language (`languageAudio`), read from the same texts. Each text's
 * audio file and provenance go together (instructions.ts), so "spoken" means "has audio files".
 */
export function hasInstructionAudio(instructions: Pick<Instructions, 'texts'> | null | undefined): boolean {
  return !!instructions && isSpoken(languageAudio(Object.values(instructions.texts)));
}

/** The checklist answers these rules read; the set-up screen checks them while they are still being filled. */
export type ArrangementAnswers = Pick<
  ConditionsChecklist,
  'groupSize' | 'headphones' | 'interpreterPresent' | 'otherArrangement'
>;

/**
 * What blocks the hand-over given the room and the instruction language, in Dutch, or [] when nothing does.
 * The research found instructions that were not the same for everyone (no audio for Tigrinya, an interpreter
 * or Google Translate instead): a language without audio therefore needs an interpreter or the afnemer's
 * explicit other arrangement, and in a group room every candidate hears the kiosk through headphones.
 */
export function arrangementProblems(answers: ArrangementAnswers, languageHasAudio: boolean): string[] {
  const problems: string[] = [];
  if (answers.groupSize > 1 && answers.headphones !== true) {
    problems.push(
      'Met meer dan één kandidaat in de ruimte is een koptelefoon verplicht: vink aan dat de kandidaat een koptelefoon op heeft.',
    );
  }
  if (!languageHasAudio && !answers.interpreterPresent && !answers.otherArrangement) {
    problems.push(
      'Voor deze instructietaal is er geen gesproken instructie. Zorg voor een tolk, of bevestig een andere regeling en beschrijf die kort.',
    );
  }
  return problems;
}
