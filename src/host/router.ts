import {
  channels,
  describeIssues,
  fail,
  isChannelName,
  type CallResult,
  type ChannelName,
  type RequestOf,
  type ResponseOf,
} from '../shared/contract';

/** A service's answer to one channel. Throw `Rejected` for a refusal the user should see. */
export type Handlers = {
  [C in ChannelName]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** A refusal with a message meant for the person at the screen (e.g. an event invalid in this state). */
export class Rejected extends Error {
  override readonly name = 'Rejected';
}

export interface Router {
  call(channel: string, request: unknown): Promise<CallResult<unknown>>;
}

export interface RouterOptions {
  /** Where unexpected service failures are reported; the caller only ever sees a typed error. */
  onInternalError?: (channel: string, error: unknown) => void;
}

/**
 * The single entry for every contract call, whichever shell carried it: checks the channel, validates
 * the request, calls the service and validates the response. Transport-free by design.
 */
export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  return {
    async call(channel, request) {
      if (!isChannelName(channel)) return fail('unknown_channel', `Unknown channel "${channel}".`);
      const spec = channels[channel];
      const parsed = spec.request.safeParse(request);
      if (!parsed.success) {
        return fail(
          'invalid_request',
          `Request for "${channel}" does not match its schema.`,
          describeIssues(parsed.error),
        );
      }
      let value: unknown;
      try {
        const handler = handlers[channel] as (req: unknown) => unknown;
        value = await handler(parsed.data);
      } catch (error) {
        if (error instanceof Rejected) return fail('rejected', error.message);
        options.onInternalError?.(channel, error);
        return fail('internal', `The kiosk could not complete "${channel}".`);
      }
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        options.onInternalError?.(channel, checked.error);
        return fail('invalid_response', `The kiosk produced an invalid answer for "${channel}".`);
      }
      return { ok: true, value: checked.data };
    },
  };
}
