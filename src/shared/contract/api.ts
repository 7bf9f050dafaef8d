import type { CallResult } from './call-result';
import { channelNames, type ChannelName, type RequestOf, type ResponseOf } from './channels';

/** Sends one call to whichever shell hosts the page; the shell validates and routes it. */
export type Invoke = (channel: ChannelName, request: unknown) => Promise<CallResult<unknown>>;

type Split<S extends string> = S extends `${infer Head}.${infer Rest}` ? [Head, ...Split<Rest>] : [S];

type Nest<Path extends string[], Leaf> = Path extends [
  infer Head extends string,
  ...infer Rest extends string[],
]
  ? { [K in Head]: Nest<Rest, Leaf> }
  : Leaf;

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void
  ? I
  : never;

/** A channel whose request has no fields can be called with no argument. */
type Method<C extends ChannelName> =
  Record<never, never> extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<CallResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<CallResult<ResponseOf<C>>>;

/** The shape of `window.lbt`: channel `a.b` is the method `lbt.a.b`. */
export type LbtApi = UnionToIntersection<{ [C in ChannelName]: Nest<Split<C>, Method<C>> }[ChannelName]>;

/**
 * Builds the `window.lbt` object from the contract table. The Electron preload and the Chromium
 * host's page bridge both call this, so the renderer cannot tell the two shells apart.
 */
export function buildApi(invoke: Invoke): LbtApi {
  const api: Record<string, unknown> = {};
  for (const channel of channelNames) {
    const parts = channel.split('.');
    let node = api;
    for (const part of parts.slice(0, -1)) {
      node = (node[part] ??= {}) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = (request: unknown = {}) => invoke(channel, request);
  }
  return api as LbtApi;
}
