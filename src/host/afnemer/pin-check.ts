/**
 * One PIN check against the roster, with lockout counting: the rules shared by the login and by every
 * PIN-gated action during a sitting. Order matters: a locked id is refused before its PIN is tried, and a wrong
 * PIN is counted (and stored) before the answer; only a right PIN learns about expiry or revocation, so nobody
 * can probe an afnemer's status without the PIN.
 */
import { refusal, KIOSK_TIME_ZONE, type AfnemerRefusal } from '../../shared/afnemer';
import { AfnemerId, type Roster, type RosterEntry } from '../../shared/results-service';
import type { RosterKey } from '../service-link/roster-seal';
import { LockoutsUnreadable, type LockoutStore } from './lockouts';
import { pinMatches } from './pin';
import { loadVerifiedRoster } from './roster-source';

export type PinCheck =
  { ok: true; entry: RosterEntry; roster: Roster } | { ok: false; refusal: AfnemerRefusal };

export interface PinCheckDeps {
  dataDir: string;
  rosterKey: RosterKey;
  lockouts: LockoutStore;
  now: () => Date;
  log: (message: string, error?: unknown) => void;
}

/** The kiosk's calendar day (YYYY-MM-DD): a certificate valid "until 31 December" is valid all that Dutch day. */
export function kioskToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: KIOSK_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export async function checkPin(deps: PinCheckDeps, rawId: string, pin: string): Promise<PinCheck> {
  const loaded = await loadVerifiedRoster(deps.dataDir, deps.rosterKey);
  if (!loaded.ok) {
    deps.log(`afnemer login refused: ${loaded.detail}`);
    return { ok: false, refusal: loaded.refusal };
  }
  const id = AfnemerId.safeParse(rawId);
  const entry = id.success ? loaded.roster.afnemers.find((a) => a.afnemerId === id.data) : undefined;
  if (!entry) return { ok: false, refusal: refusal.unknownAfnemer() };
  try {
    const lockedUntil = await deps.lockouts.lockedUntil(entry.afnemerId, deps.now());
    if (lockedUntil) return { ok: false, refusal: refusal.locked(lockedUntil) };
    if (!(await pinMatches(pin, entry.pin))) {
      const failure = await deps.lockouts.recordFailure(entry.afnemerId, deps.now());
      return {
        ok: false,
        refusal: failure.locked
          ? refusal.locked(failure.lockedUntil)
          : refusal.wrongPin(failure.attemptsLeft),
      };
    }
    await deps.lockouts.recordSuccess(entry.afnemerId);
  } catch (error) {
    if (!(error instanceof LockoutsUnreadable)) throw error;
    deps.log(`afnemer login refused: ${error.message}`);
    return { ok: false, refusal: refusal.lockoutsUnreadable() };
  }
  if (entry.status === 'revoked') return { ok: false, refusal: refusal.revoked() };
  if (kioskToday(deps.now()) > entry.validUntil)
    return { ok: false, refusal: refusal.expired(entry.validUntil) };
  return { ok: true, entry, roster: loaded.roster };
}
