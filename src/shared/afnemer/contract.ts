/**
 * The afnemer console's contract (`afnemer.*` channels, issue 8). How the host gates a sitting:
 *
 * - `afnemer.login` checks the id and PIN offline against the cached signed roster (re-verified with the pinned
 *   server key at every load). 5 wrong PINs lock the id for a growing time (1, 5, 15, 60, 240, then 1440 min),
 *   persisted in `<dataDir>/afnemer/lockouts.json`, so a restart does not reset it.
 * - `afnemer.startSession` (and `session.open`) is refused unless an afnemer is logged in and `device.check` +
 *   `device.confirm` ran in this host run without a block rule (`afnemer.status().device`); the logged-in
 *   afnemer becomes the sitting's afnemerId and the roster's gemeente its gemeente.
 * - Pause, resume, abort and close exist only as the PIN-checked channels below: `session.dispatch` refuses
 *   `session.paused`, `session.resumed`, `session.aborted` and `session.closed` (the candidate's page cannot
 *   send them). Every PIN checked here counts towards the lockout of the logged-in afnemer.
 * - After a crash the host resumes the open sitting and HOLDS it (a `session.paused` with reason `host-restart`),
 *   so the candidate sees the pause screen; the afnemer logs in, reruns the device check (the device record of
 *   the result is lost with the restart otherwise) and resumes it with `afnemer.resumeSession`.
 *
 * A refused login or PIN is an answer (`{ outcome: 'refused', refusal }`), not an error, so the PIN pad can
 * show attempts left or the lock time. Other failures (no sitting, a state the reducer refuses, disk full) are
 * the usual `rejected` errors with a Dutch message.
 *
 * Development only: a host started with `LBT_DEV_UNGATED_SESSIONS=1` lets `session.open` open a sitting without
 * login or device check and does not hold a recovered sitting (the pre-console `?view=candidate` entry).
 */
import { z } from 'zod';
import { LanguageCode } from '../items';
import { Pin } from '../results-service/roster';
import { IntakeMoment, InterpreterMode, Iso639Code, Voorbereiding } from '../session/conditions';
import {
  AbortReason,
  ChosenPauseReason,
  Doelgroep,
  EarlyEndReason,
  IsoTime,
  Label,
} from '../session/event-parts';
import { ReferenceForm } from './reference-form';
import { AfnemerRefusal } from './refusals';
import { ClosedSitting, DeviceGate, SittingOverview } from './sitting';

/** The logged-in afnemer as the console shows them. */
export const AfnemerInfo = z
  .object({ afnemerId: z.string(), name: Label, gemeente: Label, validUntil: z.iso.date() })
  .strict();
export type AfnemerInfo = z.infer<typeof AfnemerInfo>;

export const RosterInfo = z
  .object({ gemeente: Label, serial: z.number().int().min(1), issuedAt: IsoTime, afnemers: z.number().int() })
  .strict();
export type RosterInfo = z.infer<typeof RosterInfo>;

/** A refused login or PIN, as an answer. */
export const Refused = z.object({ outcome: z.literal('refused'), refusal: AfnemerRefusal }).strict();

/** The PIN pad's input; the afnemer id is checked by the roster's own schema (e.g. `AFN-20417`). */
export const AfnemerLoginRequest = z
  .object({ afnemerId: z.string().trim().min(1).max(40), pin: Pin })
  .strict();
export const AfnemerLoginResponse = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok'), afnemer: AfnemerInfo, roster: RosterInfo }).strict(),
  Refused,
]);
export type AfnemerLoginResponse = z.infer<typeof AfnemerLoginResponse>;

export const AfnemerStatus = z
  .object({
    afnemer: AfnemerInfo.nullable(),
    loggedInAt: IsoTime.nullable(),
    /** Why nobody is logged in any more (`signed-out-idle`), for the login screen; null after a logout. */
    signedOut: AfnemerRefusal.nullable(),
    /** The cached roster, verified now; null with `rosterProblem` when it cannot be used. */
    roster: RosterInfo.nullable(),
    rosterProblem: AfnemerRefusal.nullable(),
    device: DeviceGate,
    policy: z
      .object({
        showScore: z.boolean(),
        candidateRefPattern: z.string(),
        candidateRefHint: z.string(),
        /** The gemeente's form from the signed roster (reference-form.ts); null: the pattern above applies. */
        referenceForm: ReferenceForm.nullable(),
      })
      .strict(),
    /** The sitting in the session service (open, or closed but not replaced yet), or null. */
    sitting: SittingOverview.nullable(),
  })
  .strict();
export type AfnemerStatus = z.infer<typeof AfnemerStatus>;

export const Empty = z.object({}).strict();

/**
 * The conditions checklist of the set-up screen; the host turns it into the sitting's Afnamecondities. The
 * rules that need the package (a language without audio) live in `./arrangement.ts`.
 */
export const ConditionsChecklist = z
  .object({
    roomQuiet: z.boolean(),
    groupSize: z.number().int().min(1).max(20),
    /** Required (ticked) when more than one candidate sits in the room: `./arrangement.ts`. */
    headphones: z.boolean().optional(),
    interpreterPresent: z.boolean(),
    /** Any ISO 639 code: the interpreter's language need not be an instruction language. */
    interpreterLanguage: Iso639Code.optional(),
    /** Required when an interpreter is present. */
    interpreterMode: InterpreterMode.optional(),
    /** Whether a translation tool (e.g. Google Translate) was used in the room; always asked. */
    translationTool: z.boolean(),
    /** Without audio and without an interpreter: the afnemer's confirmed other arrangement, in a few words. */
    otherArrangement: z.string().trim().min(5).max(300).optional(),
    preparation: Voorbereiding,
    intakeMoment: IntakeMoment,
  })
  .strict()
  .refine((c) => !c.interpreterPresent || c.interpreterLanguage !== undefined, {
    message: 'kies de taal van de tolk',
    path: ['interpreterLanguage'],
  })
  .refine((c) => !c.interpreterPresent || c.interpreterMode !== undefined, {
    message: 'kies of de tolk in de ruimte of aan de telefoon is',
    path: ['interpreterMode'],
  })
  .refine((c) => c.interpreterPresent || (c.interpreterLanguage ?? c.interpreterMode) === undefined, {
    message: 'geen tolktaal of tolkvorm zonder tolk',
    path: ['interpreterLanguage'],
  });
export type ConditionsChecklist = z.infer<typeof ConditionsChecklist>;

/**
 * Starts a sitting from the console. No afnemer id (the logged-in one), no gemeente (the roster's) and no free
 * text: the candidate reference is checked against the configured format (`afnemer.status().policy`).
 */
export const AfnemerStartRequest = z
  .object({
    candidateRef: z.string().trim().min(1).max(64),
    doelgroep: Doelgroep,
    /** The instruction language (the kiosk's audio and text); recorded as `conditions.instruction.language`. */
    language: LanguageCode,
    checklist: ConditionsChecklist,
  })
  .strict();
export type AfnemerStartRequest = z.infer<typeof AfnemerStartRequest>;

export const PinRequest = z.object({ pin: Pin }).strict();
export const PauseRequest = z.object({ pin: Pin, reason: ChosenPauseReason }).strict();
export const AbortRequest = z.object({ pin: Pin, reason: AbortReason }).strict();
export const EndEarlyRequest = z.object({ pin: Pin, reason: EarlyEndReason }).strict();

/** A PIN-checked action on the sitting: its overview afterwards, or the refusal. */
export const SittingActionResponse = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok'), sitting: SittingOverview }).strict(),
  Refused,
]);
export type SittingActionResponse = z.infer<typeof SittingActionResponse>;

export const CloseResponse = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok'), closed: ClosedSitting }).strict(),
  Refused,
]);
export type CloseResponse = z.infer<typeof CloseResponse>;

/** At start: the sitting the host resumed (held) and the ones it could not resume, with Dutch messages. */
export const OpenSessionsResponse = z
  .object({
    sessions: z.array(SittingOverview),
    notResumed: z.array(z.object({ sessionId: z.string().nullable(), message: z.string() }).strict()),
  })
  .strict();
export type OpenSessionsResponse = z.infer<typeof OpenSessionsResponse>;
