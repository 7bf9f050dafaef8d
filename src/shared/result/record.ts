import { z } from 'zod';
import { DisplayMeasurement } from '../device/display-watch';
import { DeviceConditions } from '../device/outcomes';
import { RuleId } from '../device/policy';
import { AudioProvenance, FamilyId, Id, InstructionKey, LanguageCode, Response, Sha256Hex } from '../items';
import { Outcome, ScoredTwijfelzone } from '../scoring/rules';
import { CesuurVersionRef, SCORING_VERSION } from '../scoring/score';
import { DefinitionStatus } from '../items/definition-status';
import { Afnamecondities } from '../session/conditions';
import {
  AbortReason,
  Doelgroep,
  EarlyEndReason,
  InputType,
  IsoTime,
  Label,
  PauseReason,
} from '../session/event-parts';
import { DeviceId, signedEnvelope } from '../signing';

/**
 * The result record of one sitting: what the gemeente receives and what a re-score or an audit reads. It is
 * built by the host from the folded session state when the afnemer closes the sitting, signed with the device
 * key (RFC 8785 canonical bytes, Ed25519) and stored before the session counts as closed. docs/RESULTS.md
 * describes every field and how to verify a record without our code.
 */
export const RESULT_SCHEMA = 'lbt.result/1';

const Ms = z.number().int().min(0);
const Count = z.number().int().min(0);

/** UUID version 7: time-ordered, so results sort by creation without a separate index. */
export const ResultId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUIDv7');

export const ResultItem = z
  .object({
    itemId: Id,
    family: FamilyId,
    /** The committed answer, or null when the candidate never committed one. */
    response: Response.nullable(),
    answered: z.boolean(),
    correct: z.boolean(),
    /** Active time on the opgave up to its last commit (pauses and interruptions excluded). */
    responseMs: Ms.nullable(),
    /** Every pointer type used on this opgave, in first-use order (`touch`, `pen`, `mouse`). */
    inputTypes: z.array(InputType),
    /** Taps, drops and take-backs on the opgave before the answer was committed. */
    changes: Count,
    voorbeeldReplays: Count,
    audioPlays: Count,
    /** Answered faster than the definition's `fastAnswerMs`: implausible, see `validity`. */
    fast: z.boolean(),
  })
  .strict();
export type ResultItem = z.infer<typeof ResultItem>;

export const ResultTiming = z
  .object({
    openedAt: IsoTime,
    /** When the sitting completed or was aborted. */
    endedAt: IsoTime,
    closedAt: IsoTime,
    /** Test time: neither paused nor interrupted, from opening to the end. */
    activeMs: Ms,
    pausedMs: Ms,
    interruptedMs: Ms,
    pauses: z.array(z.object({ reason: PauseReason, from: IsoTime, to: IsoTime.nullable() }).strict()),
    /** The host was down (crash, power loss); recorded on restart, never counted as test time. */
    interruptions: z.array(z.object({ reason: z.literal('host-down'), from: IsoTime, to: IsoTime }).strict()),
    abort: z.object({ reason: AbortReason, at: IsoTime, note: z.string().optional() }).strict().nullable(),
  })
  .strict();

export const ResultValidity = z
  .object({
    /** A mouse was used on a practice item or opgave (the prescribed set-up is touch or pen). */
    mouseUsed: z.boolean(),
    /** The kiosk window lost focus at least once (each time paused the sitting). */
    focusLost: z.boolean(),
    focusLostCount: Count,
    interrupted: z.boolean(),
    interruptions: Count,
    /** The display measured differently during the sitting (window, scale or screen), and how often that broke the device policy (each such change paused the sitting). */
    displayChanges: Count,
    displayOutOfPolicy: Count,
    /** Scored items without a (complete) committed answer. */
    unansweredItems: z.array(Id),
    /** Items answered faster than `fastAnswerMs`. */
    fastAnswers: z.array(Id),
    fastAnswerMs: Ms,
    /** Quiet spells on an opgave long enough to record (`candidate.idle`): help may have been needed. */
    longIdles: Count,
    /**
     * Present only when the afnemer ended the sitting early (after practice and the first family): the result
     * is scored over every opgave, the unanswered ones wrong, and the sheet says so and why.
     */
    endedEarly: z.object({ reason: EarlyEndReason, at: IsoTime }).strict().optional(),
  })
  .strict();
export type ResultValidity = z.infer<typeof ResultValidity>;

export const ResultRecord = z
  .object({
    schema: z.literal(RESULT_SCHEMA),
    resultId: ResultId,
    createdAt: IsoTime,
    /**
     * `completed`: the sitting has an outcome: every opgave committed, or ended early by the afnemer with
     * `validity.endedEarly` (the rest count as not answered). `aborted`: stopped by the afnemer; no outcome.
     */
    status: z.enum(['completed', 'aborted']),
    /**
     * A demonstration sitting (`--demo`): not a valid afname. The results service refuses it, so it never enters
     * a statistic; the field is signed, so a demo result can never pass for a real one.
     */
    demo: z.boolean(),
    sessionId: z.uuid(),
    deviceId: DeviceId,
    /** Who opened the sitting and who closed it (usually the same afnemer). */
    afnemerId: Label,
    closedBy: Label,
    candidateRef: Label,
    gemeente: Label,
    doelgroep: Doelgroep,
    language: LanguageCode,
    /**
     * Who or what spoke each instruction the candidate could play, in `language`: a recording (speaker id, date),
     * the synthetic voice, or null (no audio: an interpreter or another arrangement). Absent in results of kiosks
     * whose package predates recorded speech. Partial: a package names the instructions it had when it was
     * built (the two `home.*` texts of the practice app came later), and older results must keep parsing.
     */
    instructionAudio: z.partialRecord(InstructionKey, AudioProvenance.nullable()).optional(),
    package: z
      .object({ packageId: Id, packageHash: Sha256Hex, definitionId: Id, definitionVersion: z.string() })
      .strict(),
    scoring: z
      .object({
        scoringVersion: z.literal(SCORING_VERSION),
        cesuur: Count,
        raw: Count,
        max: Count,
        /** null for an aborted sitting: an unfinished test has no outcome, only the answers given. */
        outcome: Outcome.nullable(),
        /**
         * The definition's status and the cesuur version the outcome was judged by (issue 19). Absent in results
         * from before cesuur versions: those were operational under the cesuur they name.
         */
        definitionStatus: DefinitionStatus.optional(),
        cesuurVersion: CesuurVersionRef.optional(),
        /** Present when the advice is only voorlopig: why. */
        voorlopig: z.string().min(1).optional(),
        twijfelzone: ScoredTwijfelzone,
        unanswered: Count,
      })
      .strict(),
    items: z.array(ResultItem),
    timing: ResultTiming,
    afnamecondities: z
      .object({
        session: Afnamecondities,
        /** The device check the afnemer confirmed in this host run, or null when none is known. */
        device: DeviceConditions.nullable(),
        /** Every display change during the sitting, in order; `broken` lists the policy rules it failed. */
        displayChanges: z.array(
          z
            .object({
              at: IsoTime,
              source: z.enum(['page', 'shell']),
              measurement: DisplayMeasurement,
              broken: z.array(RuleId),
            })
            .strict(),
        ),
      })
      .strict(),
    validity: ResultValidity,
    /** The session journal as it stood when the record was built (before the `session.closed` event). */
    journal: z.object({ headHash: Sha256Hex, records: Count }).strict(),
  })
  .strict();
export type ResultRecord = z.infer<typeof ResultRecord>;

/** The stored form: the record signed by the device (`keyId` = sha256 of the device's raw public key). */
export const SignedResult = signedEnvelope(ResultRecord);
export type SignedResult = z.infer<typeof SignedResult>;
