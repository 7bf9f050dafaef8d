/**
 * Sends a result as soon as its sitting is closed: wraps the session service so that a dispatch answered with
 * a closed state (the result is on disk by then, see session/durable.ts) asks the outbox for a round.
 */
import type { SessionService } from '../session/session-service';

export function kickOnClose(service: SessionService, onClosed: () => void): SessionService {
  return {
    ...service,
    async dispatch(input) {
      const view = await service.dispatch(input);
      if (view.state.status === 'closed') onClosed();
      return view;
    },
  };
}

/**
 * Whether a stored result is final: not while its sitting is the one in progress (a result stored but whose
 * `session.closed` was never journaled is replaced when the afnemer closes the resumed sitting again).
 */
export function settledBy(service: SessionService): (sessionId: string) => boolean {
  return (sessionId) => {
    const state = service.state();
    return !state || state.session?.sessionId !== sessionId || state.status === 'closed';
  };
}
