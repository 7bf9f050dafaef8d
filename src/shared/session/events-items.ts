import { z } from 'zod';
import { FamilyId, Id, Response } from '../items';
import { AudioSource, InputType } from './event-parts';

/** Event bodies for the scored items: family instruction, voorbeeld, opgave, answers, audio. */

/** The spoken instruction before a family's first item. */
export const FamilyInstructionShown = z
  .object({ type: z.literal('family.instruction-shown'), family: FamilyId })
  .strict();

export const AudioPlayed = z.object({ type: z.literal('audio.played'), source: AudioSource }).strict();

export const VoorbeeldShown = z.object({ type: z.literal('voorbeeld.shown'), itemId: Id }).strict();
/** The candidate tapped "watch again" on the opgave: the voorbeeld replays full-screen, then the opgave returns. */
export const VoorbeeldReplayed = z.object({ type: z.literal('voorbeeld.replayed'), itemId: Id }).strict();
/** The demonstration played to its end; only then may the opgave open. */
export const VoorbeeldDemonstrated = z
  .object({ type: z.literal('voorbeeld.demonstrated'), itemId: Id })
  .strict();

export const OpgaveShown = z.object({ type: z.literal('opgave.shown'), itemId: Id }).strict();

/** The candidate's answer on screen changed (a tap, a drop, a take-back); may be incomplete. */
export const AnswerChanged = z
  .object({ type: z.literal('answer.changed'), itemId: Id, response: Response, inputType: InputType })
  .strict();

/** "Volgende": the answer is final and complete; the sitting moves on. */
export const AnswerCommitted = z
  .object({ type: z.literal('answer.committed'), itemId: Id, response: Response, inputType: InputType })
  .strict();

/**
 * The candidate touched nothing on the opgave for `idleMs` (the long-idle time of src/shared/session/idle.ts): sent
 * once per quiet spell as it crosses that time, so the afnemer's record and the validity flags see it.
 */
export const CandidateIdle = z
  .object({ type: z.literal('candidate.idle'), itemId: Id, idleMs: z.number().int().positive() })
  .strict();

/** Back to the previous opgave; only when the test definition allows it (the LBT does not). */
export const NavigatedBack = z.object({ type: z.literal('navigation.back') }).strict();
