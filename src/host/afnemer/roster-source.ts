/**
 * The roster as the console uses it: service.json's pinned key and gemeente, and the cached roster unsealed and
 * verified with that key at every load (src/host/service-link). Anything that cannot be trusted becomes a Dutch
 * refusal; the technical detail goes to the log.
 */
import { refusal, type AfnemerRefusal } from '../../shared/afnemer';
import type { Roster, ServiceLink } from '../../shared/results-service';
import { readServiceLink, ServiceLinkError } from '../service-link/link-file';
import { loadCachedRoster, RosterError, type RosterKey } from '../service-link/roster';

export type RosterLoad =
  { ok: true; roster: Roster; link: ServiceLink } | { ok: false; refusal: AfnemerRefusal; detail: string };

export async function loadVerifiedRoster(dataDir: string, rosterKey: RosterKey): Promise<RosterLoad> {
  let link: ServiceLink | null;
  try {
    link = await readServiceLink(dataDir);
  } catch (error) {
    if (!(error instanceof ServiceLinkError)) throw error;
    return { ok: false, refusal: refusal.serviceLinkInvalid(), detail: error.message };
  }
  if (!link) return { ok: false, refusal: refusal.notEnrolled(), detail: 'no service.json' };
  let roster: Roster | null;
  try {
    roster = await loadCachedRoster(dataDir, link.serverKey, rosterKey);
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    return { ok: false, refusal: refusal.rosterInvalid(), detail: `${error.code}: ${error.detail}` };
  }
  if (!roster) return { ok: false, refusal: refusal.noRoster(), detail: 'no cached roster' };
  // A roster signed by our service but for another gemeente is still not this kiosk's list of afnemers.
  if (roster.gemeente !== link.gemeente) {
    return {
      ok: false,
      refusal: refusal.rosterInvalid(),
      detail: `roster of ${roster.gemeente}, kiosk enrolled for ${link.gemeente}`,
    };
  }
  return { ok: true, roster, link };
}

/** Whether the data dir says the kiosk is enrolled (service.json present, readable or not). */
export async function isEnrolled(dataDir: string): Promise<boolean> {
  try {
    return (await readServiceLink(dataDir)) !== null;
  } catch (error) {
    // A damaged link still means someone enrolled this kiosk: keep the console's rules on.
    if (error instanceof ServiceLinkError) return true;
    throw error;
  }
}
