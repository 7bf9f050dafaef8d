import { z } from 'zod';
import { Id, InstructionKey } from '../items';

/** A UTC timestamp as the host stamps it (`Date.prototype.toISOString`). */
export const IsoTime = z.iso.datetime();

/** What the host adds to every event: its place in the session and when the host accepted it. */
export const Stamp = {
  /** 1 for `session.opened`, then +1 per accepted event: a gap or repeat means a lost or doubled event. */
  seq: z.number().int().min(1),
  at: IsoTime,
};

/** `PointerEvent.pointerType`: the result flags a sitting where a mouse was used instead of touch. */
export const InputType = z.enum(['touch', 'pen', 'mouse']);
export type InputType = z.infer<typeof InputType>;

/** Why the afnemer (or the kiosk itself) paused the sitting. */
export const PauseReason = z.enum([
  /** The candidate asked for a break (toilet, drink). */
  'candidate-break',
  /** The candidate is upset or panics; the afnemer reassures before going on. */
  'candidate-distress',
  /** Something in the room: noise, someone walked in, a phone. */
  'disturbance',
  /** Device or software trouble the afnemer wants to look at. */
  'technical',
  /** The kiosk window lost focus (recorded by the shell, not chosen by a person). */
  'focus-lost',
  /** The window, scale or screen changed during the sitting so the device policy no longer holds (the host). */
  'display-changed',
  'other',
  /**
   * The host resumed the sitting after a crash and holds it for the afnemer (recorded by the host): its own
   * reason, so it is never listed as if the afnemer had chosen "technical".
   */
  'host-restart',
]);
export type PauseReason = z.infer<typeof PauseReason>;

/** The reasons a person may choose; the others are recorded by the kiosk itself. */
export const ChosenPauseReason = PauseReason.exclude(['focus-lost', 'display-changed', 'host-restart']);
export type ChosenPauseReason = z.infer<typeof ChosenPauseReason>;

/** Why a sitting was ended before all opgaven were answered. */
export const AbortReason = z.enum([
  'candidate-unwell',
  'candidate-refused',
  /** The candidate cannot continue for another reason (distress that did not pass). */
  'candidate-unable',
  'technical-failure',
  /** The afnemer opened the session for the wrong person. */
  'wrong-candidate',
  'other',
]);
export type AbortReason = z.infer<typeof AbortReason>;

/**
 * Why the afnemer ended a sitting early with a result (not an abort): the candidate plainly does not understand
 * the task, so sitting through every opgave would only add stress (seed report 000). Its own list, so that an
 * abort reason can never be mistaken for it.
 */
export const EarlyEndReason = z.enum(['not-understood']);
export type EarlyEndReason = z.infer<typeof EarlyEndReason>;

/**
 * The inburgeringsplichtige's doelgroep (Wi2021); gemeenten compare results per doelgroep. A product
 * decision: the reports distinguish these groups, the list is ours.
 */
export const Doelgroep = z.enum([
  'asielstatushouder',
  'gezinsmigrant',
  'overige-migrant',
  'vrijwillige-inburgeraar',
  'onbekend',
]);
export type Doelgroep = z.infer<typeof Doelgroep>;

/** Which sound was played: an instruction, the PLAY prompt of a screen, or the sound of one picture. */
export const AudioSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('instruction'), key: InstructionKey }).strict(),
  z
    .object({ kind: z.literal('prompt'), scene: z.enum(['practice', 'voorbeeld', 'opgave']), itemId: Id })
    .strict(),
  z.object({ kind: z.literal('visual'), itemId: Id, visualId: Id }).strict(),
]);
export type AudioSource = z.infer<typeof AudioSource>;

/** Free-text identifiers typed by the afnemer: trimmed, non-empty, no control characters. */
export const Label = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters');
