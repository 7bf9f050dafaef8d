import { z } from 'zod';
import { DisplayMeasurement, RuleId } from '../device';
import { FamilyId, Id, Response } from '../items';
import { AbortReason, EarlyEndReason, InputType, IsoTime, PauseReason } from './event-parts';
import { SessionOpened } from './events-lifecycle';

/**
 * The folded session state: everything the candidate UI, the afnemer console and the result record read.
 * Plain JSON (no Maps, no Dates), so it crosses the contract unchanged and compares with deep equality.
 */

export const SessionStatus = z.enum(['new', 'active', 'paused', 'completed', 'aborted', 'closed']);
export type SessionStatus = z.infer<typeof SessionStatus>;

const Index = z.number().int().min(0);
const Count = z.number().int().min(0);
const Ms = z.number().int().min(0);

export const PracticeVoorbeeld = z.enum(['none', 'shown', 'demonstrated']);
export type PracticeVoorbeeld = z.infer<typeof PracticeVoorbeeld>;

/** Where the sitting stands: the one screen the candidate should see now. */
export const Phase = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-opened') }).strict(),
  z
    .object({
      kind: z.literal('practice'),
      /** Practice item `index`. */
      index: Index,
      itemId: Id,
      /** Its opgave (the screen the candidate answers on) was shown in this visit. */
      shown: z.boolean(),
      /**
       * How far its voorbeeld got in this visit: `none` before it (or for an item without one), `shown` while the
       * candidate waits to watch, `demonstrated` once the hand finished (only then may the opgave open).
       */
      voorbeeld: PracticeVoorbeeld,
    })
    .strict(),
  /** Before the first voorbeeld of a family block: its spoken instruction. */
  z
    .object({ kind: z.literal('family-instruction'), family: FamilyId, itemIndex: Index, shown: z.boolean() })
    .strict(),
  z
    .object({
      kind: z.literal('voorbeeld'),
      itemIndex: Index,
      itemId: Id,
      shown: z.boolean(),
      /** The demonstration ran to its end at least once: the opgave may open. */
      demonstrated: z.boolean(),
    })
    .strict(),
  z.object({ kind: z.literal('opgave'), itemIndex: Index, itemId: Id }).strict(),
  /** Every opgave has a committed answer: the end screen (call the afnemer). */
  z.object({ kind: z.literal('end') }).strict(),
]);
export type Phase = z.infer<typeof Phase>;

export const PracticeRecord = z
  .object({
    itemId: Id,
    shownCount: Count,
    /** Demonstrations of the item's voorbeeld that ran to the end, and "watch again" taps (over all rounds). */
    demonstrations: Count,
    replays: Count,
    attempts: Count,
    /** Answered at least once since the practice block last (re)started. */
    answeredThisRound: z.boolean(),
    lastResponse: Response.nullable(),
    /** The feedback last given; practice feedback may be shown, it is not a score. */
    lastCorrect: z.boolean().nullable(),
    inputTypes: z.array(InputType),
  })
  .strict();
export type PracticeRecord = z.infer<typeof PracticeRecord>;

export const ItemRecord = z
  .object({
    itemId: Id,
    family: FamilyId,
    voorbeeldShownAt: IsoTime.nullable(),
    demonstrations: Count,
    replays: Count,
    opgaveShownAt: IsoTime.nullable(),
    /** The answer on screen now (may be incomplete). */
    current: Response.nullable(),
    /** The answer that counts; null until "volgende". */
    committed: Response.nullable(),
    committedAt: IsoTime.nullable(),
    /** Active (unpaused, uninterrupted) time spent on this opgave, up to its last commit. */
    responseMs: Ms.nullable(),
    /** Active time on the clock when the opgave was (re)entered; internal to `responseMs`. */
    enteredAtActiveMs: Ms.nullable(),
    changes: Count,
    commits: Count,
    /** Each pointer type used on this opgave, in first-use order. */
    inputTypes: z.array(InputType),
    audioPlays: Count,
  })
  .strict();
export type ItemRecord = z.infer<typeof ItemRecord>;

export const Incident = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pause'), reason: PauseReason, from: IsoTime, to: IsoTime.nullable() }).strict(),
  z.object({ kind: z.literal('interruption'), from: IsoTime, to: IsoTime }).strict(),
  z
    .object({ kind: z.literal('abort'), reason: AbortReason, at: IsoTime, note: z.string().optional() })
    .strict(),
  /** The display measured differently during the sitting; `broken` non-empty: it no longer met the policy. */
  z
    .object({
      kind: z.literal('display-change'),
      at: IsoTime,
      source: z.enum(['page', 'shell']),
      measurement: DisplayMeasurement,
      broken: z.array(RuleId),
    })
    .strict(),
  /** A long quiet spell on an opgave (`candidate.idle`): no touch for `idleMs` up to `at`. */
  z.object({ kind: z.literal('idle'), itemId: Id, at: IsoTime, idleMs: Ms }).strict(),
]);
export type Incident = z.infer<typeof Incident>;

/** Time accounting from event timestamps only: wall time is never read by the reducer. */
export const SessionClock = z
  .object({
    openedAt: IsoTime.nullable(),
    lastAt: IsoTime.nullable(),
    /** When the sitting completed or was aborted; time after it is not test time. */
    endedAt: IsoTime.nullable(),
    closedAt: IsoTime.nullable(),
    activeMs: Ms,
    pausedMs: Ms,
    interruptedMs: Ms,
  })
  .strict();
export type SessionClock = z.infer<typeof SessionClock>;

export const SessionCounts = z
  .object({
    events: Count,
    committed: Count,
    changes: Count,
    replays: Count,
    audioPlays: Count,
    practiceAttempts: Count,
    practiceRounds: Count,
    pauses: Count,
    interruptions: Count,
  })
  .strict();
export type SessionCounts = z.infer<typeof SessionCounts>;

export const SessionState = z
  .object({
    schema: z.literal('lbt.session-state/1'),
    status: SessionStatus,
    /** The opening event's details (ids, package, cesuur, language, conditions); null before it. */
    session: SessionOpened.omit({ type: true }).nullable(),
    lastSeq: Count,
    phase: Phase,
    practice: z.array(PracticeRecord),
    items: z.array(ItemRecord),
    familiesInstructed: z.array(FamilyId),
    pause: z.object({ reason: PauseReason, since: IsoTime }).strict().nullable(),
    ending: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('completed'), at: IsoTime }).strict(),
        z.object({ kind: z.literal('aborted'), at: IsoTime, reason: AbortReason }).strict(),
        /** Status `completed` with a result, though not every opgave was answered (`session.ended-early`). */
        z.object({ kind: z.literal('ended-early'), at: IsoTime, reason: EarlyEndReason }).strict(),
      ])
      .nullable(),
    closedBy: z.string().nullable(),
    clock: SessionClock,
    incidents: z.array(Incident),
    counts: SessionCounts,
  })
  .strict();
export type SessionState = z.infer<typeof SessionState>;
