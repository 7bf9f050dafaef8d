import { useEffect, useState } from 'react';
import { ApiError } from './client';

export type Resource<T> =
  | { state: 'loading'; data: T | null }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: ApiError; data: T | null };

/**
 * Loads `load()` whenever `key` changes. The previous data stays visible while the next loads (no flicker when
 * a filter changes), and an answer that arrives after a newer request started is dropped.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading', data: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setResource((previous) => ({ state: 'loading', data: previous.data }));
    load().then(
      (data) => current && setResource({ state: 'ready', data }),
      (error: unknown) =>
        current &&
        setResource((previous) => ({
          state: 'error',
          data: previous.data,
          error: error instanceof ApiError ? error : new ApiError(0, 'internal', String(error)),
        })),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure every render; `key` names everything it depends on.
  }, [key, generation]);
  return { ...resource, reload: () => setGeneration((n) => n + 1) };
}
