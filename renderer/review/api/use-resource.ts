import { useEffect, useState } from 'react';
import type { ReviewEndpointName, ReviewResponse } from '../../../src/shared/review';
import { ApiError, call, reviewUrl, type CallArgs, type CallInput } from './client';

export type Resource<T> =
  | { state: 'loading'; data: T | null }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: ApiError; data: T | null };

/** What the last finished load gave, and for which key and reload it was. */
interface Settled<T> {
  token: string | null;
  resource: Resource<T>;
}

/**
 * Loads `load()` whenever `key` changes. The previous data stays visible while the next loads (no flicker when
 * a filter changes), and an answer that arrives after a newer request started is dropped.
 *
 * "Loading" is derived from the key rather than set by the effect: the render in which the key changes already
 * says so. Otherwise one frame would show the old page as settled, and a click on its pager would be taken as a
 * click on the new list.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> & { reload: () => void } {
  const [generation, setGeneration] = useState(0);
  const token = `${generation}:${key}`;
  const [settled, setSettled] = useState<Settled<T>>({
    token: null,
    resource: { state: 'loading', data: null },
  });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setSettled({ token, resource: { state: 'ready', data } }),
      (error: unknown) =>
        current &&
        setSettled((previous) => ({
          token,
          resource: {
            state: 'error',
            data: previous.resource.data,
            error: error instanceof ApiError ? error : new ApiError(0, 'internal', String(error)),
          },
        })),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure every render; `token` names everything it depends on.
  }, [token]);
  const resource: Resource<T> =
    settled.token === token ? settled.resource : { state: 'loading', data: settled.resource.data };
  return { ...resource, reload: () => setGeneration((n) => n + 1) };
}

/**
 * `useResource` for one review endpoint called by name: reloads whenever its address (path parameters and
 * query) or `version` changes.
 */
export function useCall<N extends ReviewEndpointName>(
  name: N,
  input: CallInput<N>,
  version: string | number = '',
): Resource<ReviewResponse<N>> & { reload: () => void } {
  const args = [input] as CallArgs<N>;
  return useResource(`${reviewUrl(name, ...args)}#${version}`, () => call(name, ...args));
}
