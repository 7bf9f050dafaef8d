import { z } from 'zod';
import { PackageView } from '../items/package-view';
import { AppInfo } from './app-info';
import { DeviceCheckReport, DeviceConditions, DeviceCheckRequest, DeviceConfirmRequest } from '../device';
import { SessionDispatchRequest, SessionOpenRequest, SessionStateRequest } from '../session/contract';
import { SessionView } from '../session/view';
import { ResultGetRequest, SessionRecoveryReport, SessionRecoveryRequest, SignedResult } from '../result';

/**
 * The IPC contract: every call the renderer can make, as channel -> request and response schema.
 * Both shells expose exactly this table as `window.lbt` and validate both directions against it.
 * A channel `a.b` becomes `window.lbt.a.b(request)`.
 */
export const channels = {
  'app.info': { request: z.object({}).strict(), response: AppInfo },
  'device.check': { request: DeviceCheckRequest, response: DeviceCheckReport },
  'device.confirm': { request: DeviceConfirmRequest, response: DeviceConditions },
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
