import { z } from 'zod';
import { Id, LanguageCode } from '../items';
import { ResultId, ResultValidity } from '../result/record';
import { OutboxEntry } from '../results-service/outbox';
import { Outcome } from '../scoring/rules';
import { Doelgroep, IsoTime, Label, PauseReason } from '../session/event-parts';
import { Incident, SessionStatus } from '../session/state';

const Count = z.number().int().min(0);
const Ms = z.number().int().min(0);

/**
 * The afnemer's view of the sitting in progress: where it stands and whether it is complete. No answers, no
 * correctness and no score: the console shows counts and item ids only.
 */
export const SittingOverview = z
  .object({
    sessionId: z.uuid(),
    candidateRef: Label,
    gemeente: Label,
    doelgroep: Doelgroep,
    language: LanguageCode,
    afnemerId: Label,
    status: SessionStatus,
    /** The candidate's screen: not-opened, practice, family-instruction, voorbeeld, opgave or end. */
    phase: z.string(),
    itemIndex: z.number().int().min(0).nullable(),
    itemCount: Count,
    answered: Count,
    unanswered: Count,
    answeredItemIds: z.array(Id),
    unansweredItemIds: z.array(Id),
    pause: z.object({ reason: PauseReason, since: IsoTime }).strict().nullable(),
    /** Pauses (focus lost included, as pauses with reason `focus-lost`), interruptions and the abort. */
    incidents: z.array(Incident),
    clock: z.object({ openedAt: IsoTime.nullable(), activeMs: Ms, pausedMs: Ms, interruptedMs: Ms }).strict(),
    /** The signed result's `validity` so far; unanswered items are `unansweredItemIds` above. */
    validity: ResultValidity.omit({ unansweredItems: true }),
    /** Completed or aborted: `afnemer.close` may run. */
    canClose: z.boolean(),
    /**
     * Resumed after a crash and held (paused with reason `host-restart`) until an afnemer of the gemeente resumes it
     * with the PIN (`afnemer.resumeSession`); the candidate's screen shows the pause meanwhile.
     */
    held: z.boolean(),
  })
  .strict();
export type SittingOverview = z.infer<typeof SittingOverview>;

/** The score as the close answer may show it (only when the policy allows). */
export const SittingScore = z
  .object({
    raw: Count,
    max: Count,
    cesuur: Count,
    /** "proefafname: geen advies" under a pilot definition: then the screen names no cesuur either. */
    outcome: Outcome.nullable(),
    /** Why the advice is only voorlopig (a provisional definition); null when it is not. */
    voorlopig: z.string().nullable(),
    inTwijfelzone: z.boolean(),
  })
  .strict();
export type SittingScore = z.infer<typeof SittingScore>;

/** What `afnemer.close` answers once the result is signed and stored. */
export const ClosedSitting = z
  .object({
    sessionId: z.uuid(),
    resultId: ResultId,
    status: z.enum(['completed', 'aborted']),
    closedAt: IsoTime,
    closedBy: Label,
    overview: SittingOverview,
    /** null unless the kiosk's policy lets the afnemer see the score (default: not). */
    score: SittingScore.nullable(),
    /** The result's place in the outbox, or null when this kiosk has no outbox (not enrolled). */
    delivery: OutboxEntry.nullable(),
  })
  .strict();
export type ClosedSitting = z.infer<typeof ClosedSitting>;

/** Whether a sitting may start on this device now (from the last `device.check` / `device.confirm`). */
export const DeviceGate = z
  .object({
    /**
     * `not-checked`: no device check in this host run (also after a restart); `blocked`: a block rule failed;
     * `unconfirmed`: checked, but `device.confirm` has not accepted it yet; `ready`: confirmed.
     */
    state: z.enum(['not-checked', 'blocked', 'unconfirmed', 'ready']),
    blocked: z.array(z.object({ rule: z.string(), explanation: z.string() }).strict()),
    checkedAt: IsoTime.nullable(),
    /** Dutch: what to do next, or null when ready. */
    message: z.string().nullable(),
  })
  .strict();
export type DeviceGate = z.infer<typeof DeviceGate>;
