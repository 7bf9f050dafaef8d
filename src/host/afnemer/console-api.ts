/** The afnemer console's interface and options; the implementation is console.ts. */
import type {
  AfnemerLoginResponse,
  AfnemerStartRequest,
  AfnemerStatus,
  CloseResponse,
  ConsolePolicy,
  OpenSessionsResponse,
  SittingActionResponse,
  SittingOverview,
} from '../../shared/afnemer';
import type { ShellKind } from '../../shared/contract';
import type { LockdownIncidentKind } from '../../shared/device';
import type { LanguageCode } from '../../shared/items';
import type { SessionRecoveryReport } from '../../shared/result';
import type { OutboxEntry } from '../../shared/results-service';
import type {
  AbortReason,
  EarlyEndReason,
  PauseReason,
  SessionContext,
  SessionEventInput,
  SessionOpenRequest,
  SessionView,
} from '../../shared/session';
import type { ResultStore } from '../result/store';
import type { SessionService } from '../session/session-service';
import type { RosterKey } from '../service-link/roster-seal';
import type { TrackedDevice } from './device-gate';

/** Events only the afnemer may cause, through the PIN-checked channels; `session.dispatch` refuses them. */
export const AFNEMER_EVENTS: ReadonlySet<SessionEventInput['type']> = new Set([
  'session.paused',
  'session.resumed',
  'session.aborted',
  'session.ended-early',
  'session.closed',
]);

/**
 * `always`: every sitting needs a logged-in afnemer. `when-enrolled`: only once the kiosk is enrolled with a
 * results service (service.json present); before that, `session.open` and `session.dispatch` work as they did
 * before the console (development, the pre-console tests). The console's own channels always need a login.
 */
export type AfnemerGateMode = 'always' | 'when-enrolled';

export interface AfnemerConsoleOptions {
  dataDir: string;
  /** Unseals the cached roster (`rosterKeyFrom(dataDir, provider)`, src/host/service-link/roster-seal.ts). */
  rosterKey: RosterKey;
  shell: ShellKind;
  session: SessionService;
  device: TrackedDevice;
  content: () => SessionContext | null;
  /** Whether the loaded package speaks its instructions in a language (`hasInstructionAudio`). */
  instructionAudio: (language: LanguageCode) => boolean;
  results?: ResultStore;
  recovery?: SessionRecoveryReport;
  policy?: Partial<ConsolePolicy>;
  gate?: AfnemerGateMode;
  /**
   * A demonstration host (`--demo`): the device policy does not gate a sitting (a demo runs on any window);
   * every sitting and result is marked demo instead (src/host/session/session-service.ts).
   */
  demo?: () => boolean;
  /** The closed result's place in the outbox (the outbox's view), when this host has one. */
  delivery?: (sessionId: string) => Promise<OutboxEntry | null>;
  /**
   * Minutes without an afnemer action after which the login ends (default 10; LBT_AFNEMER_IDLE_MINUTES,
   * src/host/afnemer/idle-timeout.ts). Candidate calls never count and are never refused for it.
   */
  idleMinutes?: number;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

export interface AfnemerConsole {
  login(request: { afnemerId: string; pin: string }): Promise<AfnemerLoginResponse>;
  logout(): Promise<AfnemerStatus>;
  status(): Promise<AfnemerStatus>;
  startSession(request: AfnemerStartRequest): Promise<SessionView>;
  unlock(pin: string): Promise<SittingActionResponse>;
  completeness(): SittingOverview | null;
  pause(pin: string, reason: PauseReason): Promise<SittingActionResponse>;
  resume(pin: string): Promise<SittingActionResponse>;
  abort(pin: string, reason: AbortReason): Promise<SittingActionResponse>;
  /** The humane early stop: closed with a result, not aborted (src/shared/session/apply-lifecycle.ts). */
  endEarly(pin: string, reason: EarlyEndReason): Promise<SittingActionResponse>;
  close(pin: string): Promise<CloseResponse>;
  openSessions(): OpenSessionsResponse;
  /** `session.open` behind the gate. */
  open(request: SessionOpenRequest): Promise<SessionView>;
  /** `session.dispatch` behind the gate: afnemer events are refused. */
  dispatch(input: SessionEventInput): Promise<SessionView>;
  /**
   * A lockdown incident from the shell (lockdown-seam.ts): a running sitting is paused at once (`focus-lost` for
   * a lost window focus), so only the afnemer's PIN lets it go on. Display changes go to the display watch
   * (src/host/device/display-watch.ts), which pauses only when the policy breaks.
   */
  lockdownIncident(kind: LockdownIncidentKind): Promise<void>;
  /** After crash recovery: pauses the resumed sitting until an afnemer resumes it with the PIN. */
  holdRecovered(): Promise<void>;
  gateActive(): Promise<boolean>;
}
