/**
 * The afnemer console's host side (issue 8): login against the signed roster, the gate in front of a sitting
 * (a logged-in afnemer and a ready device check), the PIN-gated actions during it, and the hold on a sitting
 * resumed after a crash. The rules are documented in src/shared/afnemer/contract.ts.
 */
import {
  ConsolePolicy,
  arrangementProblems,
  checkCandidateReference,
  refusal,
  type AfnemerInfo,
  type AfnemerRefusal,
  type AfnemerStatus,
  type ClosedSitting,
  type SittingOverview,
} from '../../shared/afnemer';
import type { OutboxEntry } from '../../shared/results-service';
import { SessionOpenRequest, type SessionEventInput } from '../../shared/session';
import { Rejected } from '../router';
import { conditionsOf } from './checklist';
import { deviceGateOf } from './device-gate';
import { LockoutStore } from './lockouts';
import { sittingOverview } from './overview';
import { AFNEMER_EVENTS, type AfnemerConsole, type AfnemerConsoleOptions } from './console-api';
import { DEFAULT_IDLE_MINUTES } from './idle-timeout';
import { checkPin, type PinCheckDeps } from './pin-check';
import { isEnrolled, loadVerifiedRoster } from './roster-source';

type Refused = { outcome: 'refused'; refusal: AfnemerRefusal };

const AFNEMER_ONLY =
  'Pauzeren, hervatten, afbreken en afsluiten kan alleen de toetsafnemer, met de pincode in de afnemerconsole.';
const NO_SITTING = 'Er is geen sessie geopend.';

export function createAfnemerConsole(options: AfnemerConsoleOptions): AfnemerConsole {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const policy = ConsolePolicy.parse(options.policy ?? {});
  const deps: PinCheckDeps = {
    dataDir: options.dataDir,
    rosterKey: options.rosterKey,
    lockouts: LockoutStore.inDataDir(options.dataDir, options.rosterKey),
    now,
    log,
  };
  const { session, device } = options;
  const idleMinutes = options.idleMinutes ?? DEFAULT_IDLE_MINUTES;
  let loggedIn: { afnemer: AfnemerInfo; at: string; lastActionAt: number } | null = null;
  /** Who the idle timeout signed out: named on the login screen, and let back in by a PIN action on the sitting. */
  let idledOut: AfnemerInfo | null = null;
  let held = false;
  let queue: Promise<unknown> = Promise.resolve();

  // PIN checks run one at a time: parallel guesses cannot slip past the count of wrong PINs.
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  /**
   * The login, if it is still within the idle timeout at `now`; one that is not ends here. The host's clock is the
   * authority: the console page only learns of it from `status` or a refused call.
   */
  const currentLogin = () => {
    if (loggedIn && now().getTime() - loggedIn.lastActionAt > idleMinutes * 60_000) {
      log(`afnemer ${loggedIn.afnemer.afnemerId} signed out after ${idleMinutes} minutes without activity`);
      idledOut = loggedIn.afnemer;
      loggedIn = null;
    }
    return loggedIn;
  };

  /** An afnemer action: the login must be current, and it stays so for another idle period. */
  const touchLogin = () => {
    const current = currentLogin();
    if (current) current.lastActionAt = now().getTime();
    return current;
  };

  const signIn = (afnemer: AfnemerInfo) => {
    const at = now();
    loggedIn = { afnemer, at: at.toISOString(), lastActionAt: at.getTime() };
    idledOut = null;
  };

  /** In a demonstration host the device policy gates nothing: the watermark and the demo mark say why. */
  const currentGate = () =>
    options.demo?.()
      ? {
          state: 'ready' as const,
          blocked: [],
          checkedAt: null,
          message: 'Demonstratie: het apparaat wordt niet aan de eisen getoetst; geen geldige afname.',
        }
      : deviceGateOf(device);

  // No mode given means the safe one: only an explicit `when-enrolled` lets an unenrolled kiosk run ungated.
  const gateActive = async () =>
    (options.gate ?? 'always') === 'always' || (await isEnrolled(options.dataDir));

  const overview = (): SittingOverview | null => {
    const state = session.state();
    const content = options.content();
    return state && content ? sittingOverview(state, content, held) : null;
  };

  const requireOverview = (): SittingOverview => {
    const current = overview();
    if (!current) throw new Rejected(NO_SITTING);
    return current;
  };

  /**
   * The logged-in afnemer's PIN, checked like a login (and counted towards the lockout). An afnemer the idle
   * timeout signed out during a sitting gets back in with the PIN here: it is checked exactly as a login would
   * check it, so a long sitting is paused or closed without a detour through the login screen.
   */
  const withPin = async <T>(
    pin: string,
    action: (afnemer: AfnemerInfo) => Promise<T>,
  ): Promise<T | Refused> =>
    exclusive(async () => {
      const afnemer = currentLogin()?.afnemer ?? idledOut;
      if (!afnemer) return { outcome: 'refused' as const, refusal: refusal.notLoggedIn() };
      const checked = await checkPin(deps, afnemer.afnemerId, pin);
      if (!checked.ok) return { outcome: 'refused' as const, refusal: checked.refusal };
      if (loggedIn) touchLogin();
      else signIn(afnemer);
      const sitting = session.state()?.session;
      if (sitting && sitting.gemeente !== afnemer.gemeente)
        return { outcome: 'refused' as const, refusal: refusal.otherGemeente() };
      return action(afnemer);
    });

  const act = (pin: string, event: SessionEventInput) =>
    withPin(pin, async () => {
      requireOverview();
      await session.dispatch(event);
      return { outcome: 'ok' as const, sitting: requireOverview() };
    });

  /** A logged-in afnemer and a ready device check, or the Dutch reason why not. */
  const requireReady = (): AfnemerInfo => {
    const current = touchLogin();
    if (!current)
      throw new Rejected((idledOut ? refusal.signedOutIdle(idleMinutes) : refusal.notLoggedIn()).message);
    const gate = currentGate();
    if (gate.state !== 'ready') throw new Rejected(gate.message ?? 'Doe eerst de apparaatcontrole.');
    return current.afnemer;
  };

  /**
   * The reference as it will be recorded (normalised), or a refusal naming the expected form: the gemeente's form
   * from the verified roster when it has one, else the kiosk's pattern (src/shared/afnemer/reference-form.ts).
   */
  const requireCandidateRef = async (typed: string): Promise<string> => {
    const checked = checkCandidateReference(typed, await referenceForm(), policy);
    if (!checked.ok) throw new Rejected(checked.message);
    return checked.reference;
  };

  const referenceForm = async () => {
    const loaded = await loadVerifiedRoster(options.dataDir, options.rosterKey);
    return loaded.ok ? (loaded.roster.referenceForm ?? null) : null;
  };

  const closedSitting = async (afnemer: AfnemerInfo): Promise<ClosedSitting> => {
    const sitting = requireOverview();
    const stored = await options.results?.read(sitting.sessionId);
    if (!stored)
      throw new Error(`the result of ${sitting.sessionId} is not in the result store after closing`);
    const record = stored.payload;
    let delivery: OutboxEntry | null = null;
    try {
      delivery = (await options.delivery?.(sitting.sessionId)) ?? null;
    } catch (error) {
      log('outbox view after closing', error);
    }
    return {
      sessionId: record.sessionId,
      resultId: record.resultId,
      status: record.status,
      closedAt: record.timing.closedAt,
      closedBy: afnemer.afnemerId,
      overview: sitting,
      score: policy.showScore
        ? {
            raw: record.scoring.raw,
            max: record.scoring.max,
            cesuur: record.scoring.cesuur,
            outcome: record.scoring.outcome,
            voorlopig: record.scoring.voorlopig ?? null,
            inTwijfelzone: record.scoring.twijfelzone.inZone,
          }
        : null,
      delivery,
    };
  };

  const status = async (): Promise<AfnemerStatus> => {
    const loaded = await loadVerifiedRoster(options.dataDir, options.rosterKey);
    // Reading the status is no afnemer action (the page polls it): it never extends the login.
    const current = currentLogin();
    return {
      afnemer: current?.afnemer ?? null,
      loggedInAt: current?.at ?? null,
      signedOut: !current && idledOut ? refusal.signedOutIdle(idleMinutes) : null,
      roster: loaded.ok
        ? {
            gemeente: loaded.roster.gemeente,
            serial: loaded.roster.serial,
            issuedAt: loaded.roster.issuedAt,
            afnemers: loaded.roster.afnemers.length,
          }
        : null,
      rosterProblem: loaded.ok ? null : loaded.refusal,
      device: currentGate(),
      policy: {
        showScore: policy.showScore,
        candidateRefPattern: policy.candidateRefPattern,
        candidateRefHint: policy.candidateRefHint,
        referenceForm: loaded.ok ? (loaded.roster.referenceForm ?? null) : null,
      },
      sitting: overview(),
    };
  };

  return {
    login: (request) =>
      exclusive(async () => {
        const checked = await checkPin(deps, request.afnemerId, request.pin);
        if (!checked.ok) return { outcome: 'refused', refusal: checked.refusal };
        const { entry, roster } = checked;
        const afnemer = {
          afnemerId: entry.afnemerId,
          name: entry.name,
          gemeente: roster.gemeente,
          validUntil: entry.validUntil,
        };
        signIn(afnemer);
        const { gemeente, serial, issuedAt } = roster;
        return {
          outcome: 'ok',
          afnemer,
          roster: { gemeente, serial, issuedAt, afnemers: roster.afnemers.length },
        };
      }),

    async logout() {
      loggedIn = null;
      idledOut = null;
      return status();
    },

    status,

    async startSession(request) {
      const afnemer = requireReady();
      const candidateRef = await requireCandidateRef(request.candidateRef);
      const audioAvailable = options.instructionAudio(request.language);
      const problems = arrangementProblems(request.checklist, audioAvailable);
      if (problems.length > 0) throw new Rejected(problems.join(' '));
      return session.open({
        afnemerId: afnemer.afnemerId,
        candidateRef,
        gemeente: afnemer.gemeente,
        doelgroep: request.doelgroep,
        language: request.language,
        conditions: conditionsOf(request, options.shell, audioAvailable),
      });
    },

    unlock: (pin) => withPin(pin, async () => ({ outcome: 'ok' as const, sitting: requireOverview() })),
    completeness: overview,
    pause: (pin, reason) => act(pin, { type: 'session.paused', reason }),
    resume: (pin) =>
      withPin(pin, async () => {
        requireOverview();
        // A sitting held after a crash goes on only on a device checked again in this host run.
        if (held) requireReady();
        await session.dispatch({ type: 'session.resumed' });
        held = false;
        return { outcome: 'ok' as const, sitting: requireOverview() };
      }),
    abort: (pin, reason) => act(pin, { type: 'session.aborted', reason }),
    endEarly: (pin, reason) => act(pin, { type: 'session.ended-early', reason }),
    close: (pin) =>
      withPin(pin, async (afnemer) => {
        requireOverview();
        await session.dispatch({ type: 'session.closed', afnemerId: afnemer.afnemerId });
        held = false;
        return { outcome: 'ok' as const, closed: await closedSitting(afnemer) };
      }),

    openSessions() {
      const current = overview();
      const report = options.recovery;
      return {
        sessions: current && current.status !== 'closed' ? [current] : [],
        notResumed: [
          ...(report?.notResumed.map((n) => ({ sessionId: n.sessionId, message: n.message })) ?? []),
          ...(report?.refused.map((r) => ({ sessionId: null, message: r.message })) ?? []),
        ],
      };
    },

    async open(raw) {
      const request = SessionOpenRequest.parse(raw);
      if (!(await gateActive())) return session.open(request);
      const afnemer = requireReady();
      const candidateRef = await requireCandidateRef(request.candidateRef);
      if (request.conditions.notes !== undefined)
        throw new Rejected(
          'Vrije tekst bij de afnamecondities wordt niet vastgelegd; laat het notitieveld weg.',
        );
      return session.open({
        ...request,
        candidateRef,
        afnemerId: afnemer.afnemerId,
        gemeente: afnemer.gemeente,
      });
    },

    async dispatch(input) {
      if (AFNEMER_EVENTS.has(input.type) && (await gateActive())) throw new Rejected(AFNEMER_ONLY);
      return session.dispatch(input);
    },

    async lockdownIncident(kind) {
      if (session.state()?.status !== 'active') return;
      const reason = kind === 'window-blur' ? 'focus-lost' : 'technical';
      try {
        await session.dispatch({ type: 'session.paused', reason });
      } catch (error) {
        // The sitting may have ended between the check and the pause; nothing to pause then.
        log(`could not pause the sitting after ${kind}`, error);
      }
    },

    async holdRecovered() {
      if (!options.recovery?.resumed || !(await gateActive())) return;
      const state = session.state();
      if (!state || (state.status !== 'active' && state.status !== 'paused')) return;
      if (state.status === 'active')
        await session.dispatch({ type: 'session.paused', reason: 'host-restart' });
      held = true;
    },

    gateActive,
  };
}
