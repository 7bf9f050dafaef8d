import type { CallError } from '../../../src/shared/contract';
import type { LanguageCode } from '../../../src/shared/items';
import type { SessionState } from '../../../src/shared/session/state';
import type { CandidateAction, CandidatePackage } from './model';

export type PortResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/**
 * The candidate flow's only way to the host. The real one goes through `window.lbt` (host-port.ts);
 * unit tests use one over the shared reducer. Every method answers with the host's session state.
 */
export interface CandidatePort {
  /** Loads the package for the page and opens a sitting for a candidate. */
  open(request: { candidateRef: string; language: LanguageCode }): Promise<PortResult<OpenedSitting>>;
  /** Sends one event; the host stamps the time, records it and answers with the new state. */
  dispatch(action: CandidateAction): Promise<PortResult<SessionState>>;
  /** Re-reads the state, e.g. after the host refused an event. */
  state(): Promise<PortResult<SessionState>>;
  /** URL of a package file (picture or sound) for the page to load. */
  assetUrl(path: string): string;
}

export interface OpenedSitting {
  pkg: CandidatePackage;
  state: SessionState;
}
