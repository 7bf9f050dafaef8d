import { z } from 'zod';
import { Id, Response } from '../items';
import { InputType } from './event-parts';

/** Event bodies for the practice block: not scored, with feedback, repeatable. */

export const PracticeShown = z.object({ type: z.literal('practice.shown'), itemId: Id }).strict();

/**
 * A practice item's voorbeeld, like a scored item's (`voorbeeld.shown`, `.demonstrated`, `.replayed`): shown on
 * arriving at an item that has one (instead of `practice.shown`), demonstrated when the hand has finished (then
 * `practice.shown` opens the opgave), replayed by "watch again". Named under `practice.` because, like every
 * practice event, it is never scored and a restart repeats it.
 */
export const PracticeVoorbeeldShown = z
  .object({ type: z.literal('practice.voorbeeld-shown'), itemId: Id })
  .strict();
export const PracticeVoorbeeldDemonstrated = z
  .object({ type: z.literal('practice.voorbeeld-demonstrated'), itemId: Id })
  .strict();
export const PracticeVoorbeeldReplayed = z
  .object({ type: z.literal('practice.voorbeeld-replayed'), itemId: Id })
  .strict();

/**
 * A practice answer. `correct` is the feedback the candidate gets; the host fills it in from the
 * practice key (the page never sees keys) and the reducer checks it against that key.
 */
export const PracticeAnswered = z
  .object({
    type: z.literal('practice.answered'),
    itemId: Id,
    response: Response,
    inputType: InputType,
    correct: z.boolean(),
  })
  .strict();

/** What the page sends for a practice answer: the same without `correct`. */
export const PracticeAnsweredInput = PracticeAnswered.omit({ correct: true });

/** Start the practice block again from its first item (allowed until the first family instruction). */
export const PracticeRestarted = z.object({ type: z.literal('practice.restarted') }).strict();

/** Every practice item was answered in this round; the test proper begins. */
export const PracticeFinished = z.object({ type: z.literal('practice.finished') }).strict();
