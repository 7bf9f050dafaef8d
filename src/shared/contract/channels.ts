import { z } from 'zod';
import { AppInfo } from './app-info';

/**
 * The IPC contract: every call the renderer can make, as channel -> request and response schema.
 * Both shells expose exactly this table as `window.lbt` and validate both directions against it.
 * A channel `a.b` becomes `window.lbt.a.b(request)`.
 */
export const channels = {
  'app.info': { request: z.object({}).strict(), response: AppInfo },
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
