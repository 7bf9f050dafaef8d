import { z } from 'zod';
import { DisplayMeasurement, RuleId } from '../device';
import { Id, LanguageCode, Sha256Hex } from '../items';
import { Afnamecondities } from './conditions';
import { AbortReason, Doelgroep, EarlyEndReason, IsoTime, Label, PauseReason } from './event-parts';

/** Event bodies for the life of a sitting: opened, paused/resumed, interrupted, ended, closed. */

/** The first event of every session; the host builds it from `session.open` and the loaded package. */
export const SessionOpened = z
  .object({
    type: z.literal('session.opened'),
    sessionId: z.uuid(),
    packageId: Id,
    packageHash: Sha256Hex,
    definitionId: Id,
    definitionVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** The cesuur this sitting is scored against (the definition's, or a configured override). */
    cesuur: z.number().int().min(0),
    language: LanguageCode,
    afnemerId: Label,
    /** A pseudonymous reference the gemeente can match; never a BSN. */
    candidateRef: Label,
    gemeente: Label,
    doelgroep: Doelgroep,
    conditions: Afnamecondities,
    /**
     * A demonstration sitting (the host's `--demo` start option, never the page): its result is marked demo and
     * no statistic counts it. Absent on every real sitting.
     */
    demo: z.literal(true).optional(),
  })
  .strict();

export const SessionPaused = z.object({ type: z.literal('session.paused'), reason: PauseReason }).strict();
export const SessionResumed = z.object({ type: z.literal('session.resumed') }).strict();

/**
 * The host was down from `from` to `to` (crash, power loss). Written by the host when it resumes a
 * session, so that time counts as an interruption, not as test time.
 */
export const SessionInterrupted = z
  .object({ type: z.literal('session.interrupted'), from: IsoTime, to: IsoTime })
  .strict();

/**
 * The host measured the display again during the sitting (a window, scale or screen change) and found it
 * different from before. `broken` lists the device-policy rules the new display fails; when it is not empty
 * the host pauses the sitting for the afnemer right after (reason `display-changed`). Host-only.
 */
export const DisplayChanged = z
  .object({
    type: z.literal('display.changed'),
    /** Who noticed: the page (resize, resolution media query) or the shell (Electron's screen events). */
    source: z.enum(['page', 'shell']),
    measurement: DisplayMeasurement,
    broken: z.array(RuleId),
  })
  .strict();

export const SessionAborted = z
  .object({
    type: z.literal('session.aborted'),
    reason: AbortReason,
    note: z.string().max(500).optional(),
  })
  .strict();

/**
 * The afnemer ends the sitting early, after practice and at least the first family: unlike an abort the sitting
 * keeps its result (unanswered opgaven count as not answered, the outcome follows from the score) and the
 * candidate sees the same end screen as after a full sitting.
 */
export const SessionEndedEarly = z
  .object({ type: z.literal('session.ended-early'), reason: EarlyEndReason })
  .strict();

/** Every opgave has a committed answer; the candidate sees the end screen and calls the afnemer. */
export const SessionCompleted = z.object({ type: z.literal('session.completed') }).strict();

/** The afnemer closes the sitting after it completed or was aborted; nothing can follow. */
export const SessionClosed = z.object({ type: z.literal('session.closed'), afnemerId: Label }).strict();
