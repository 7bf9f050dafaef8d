import { z } from 'zod';
import { PackageView } from '../items/package-view';
import { AppInfo } from './app-info';
import {
  DeviceCheckReport,
  DeviceConditions,
  DeviceCheckRequest,
  DeviceConfirmRequest,
  DisplayWatchRequest,
} from '../device';
import { SessionDispatchRequest, SessionOpenRequest, SessionStateRequest } from '../session/contract';
import { SessionView } from '../session/view';
import { ResultGetRequest, SessionRecoveryReport, SessionRecoveryRequest, SignedResult } from '../result';
import {
  AbortRequest,
  EndEarlyRequest,
  AfnemerLoginRequest,
  AfnemerLoginResponse,
  AfnemerStartRequest,
  AfnemerStatus,
  CloseResponse,
  Empty,
  OpenSessionsResponse,
  PauseRequest,
  PinRequest,
  SittingActionResponse,
  SittingOverview,
} from '../afnemer';
import {
  OutboxExportRequest,
  OutboxExportResponse,
  OutboxListRequest,
  OutboxRetryRequest,
  OutboxView,
} from '../results-service/outbox';

/**
 * The IPC contract: every call the renderer can make, as channel -> request and response schema.
 * Both shells expose exactly this table as `window.lbt` and validate both directions against it.
 * A channel `a.b` becomes `window.lbt.a.b(request)`.
 */
export const channels = {
  'app.info': { request: z.object({}).strict(), response: AppInfo },
  /** Switches an offering development host to demo (`demoOffered`); refused otherwise or while a sitting is open. */
  'app.demo': { request: z.object({}).strict(), response: AppInfo },
  'device.check': { request: DeviceCheckRequest, response: DeviceCheckReport },
  'device.confirm': { request: DeviceConfirmRequest, response: DeviceConditions },
  /** During a sitting: the page's view of the screen changed; the host records it and pauses if the policy breaks. */
  'device.watch': { request: DisplayWatchRequest, response: SessionView.nullable() },
  /** The loaded item package; refused (`rejected`, listing the problems) when the package is invalid. */
  'package.get': { request: z.object({}).strict(), response: PackageView },
  /** Opens a sitting on the loaded package (afnemer, candidate, language); refused while one is open. */
  'session.open': { request: SessionOpenRequest, response: SessionView },
  /** One candidate/afnemer event (without seq/at); the new view, or `rejected` with the reason. */
  'session.dispatch': { request: SessionDispatchRequest, response: SessionView },
  /** The current sitting's view, or null when none was opened. */
  'session.state': { request: SessionStateRequest, response: SessionView.nullable() },
  /** What the host found at start: the sitting it resumed, torn tails cut, journals refused (docs/RESULTS.md). */
  'session.recovery': { request: SessionRecoveryRequest, response: SessionRecoveryReport },
  /** A stored, signed result record by session id, or null. */
  'result.get': { request: ResultGetRequest, response: SignedResult.nullable() },
  /** Afnemer console (src/shared/afnemer/contract.ts): login against the signed roster, PIN-gated actions. */
  'afnemer.login': { request: AfnemerLoginRequest, response: AfnemerLoginResponse },
  'afnemer.logout': { request: Empty, response: AfnemerStatus },
  'afnemer.status': { request: Empty, response: AfnemerStatus },
  /** Opens a sitting for the logged-in afnemer with the conditions checklist; refused without a ready device. */
  'afnemer.startSession': { request: AfnemerStartRequest, response: SessionView },
  /** Checks the PIN (counts towards the lockout) and answers the sitting's overview. */
  'afnemer.unlock': { request: PinRequest, response: SittingActionResponse },
  /** The sitting's completeness (answered/unanswered, incidents, validity flags); null without a sitting. */
  'afnemer.completeness': { request: Empty, response: SittingOverview.nullable() },
  'afnemer.pause': { request: PauseRequest, response: SittingActionResponse },
  /** Resumes a pause, or a sitting held after a crash (then the device check must be ready again). */
  'afnemer.resume': { request: PinRequest, response: SittingActionResponse },
  'afnemer.abort': { request: AbortRequest, response: SittingActionResponse },
  /** Ends the sitting early with a result ("begrijpt de opdracht niet"); refused before the first family is done. */
  'afnemer.endEarly': { request: EndEarlyRequest, response: SittingActionResponse },
  /** Closes a completed or aborted sitting: the result is signed, stored and queued. */
  'afnemer.close': { request: PinRequest, response: CloseResponse },
  /** The sitting resumed (and held) after a crash, and those that could not be resumed. */
  'afnemer.openSessions': { request: Empty, response: OpenSessionsResponse },
  /** Every stored result and how far it is on its way to the results service (docs/RESULTS.md, "Outbox"). */
  'outbox.list': { request: OutboxListRequest, response: OutboxView },
  /** Tries every undelivered result now; answers the view (after the attempt, or after a few seconds). */
  'outbox.retry': { request: OutboxRetryRequest, response: OutboxView },
  /** Writes every undelivered result to one export file; they stay `exported` until a receipt arrives. */
  'outbox.export': { request: OutboxExportRequest, response: OutboxExportResponse },
} as const satisfies Record<string, ChannelSpec>;

export interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
}

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
