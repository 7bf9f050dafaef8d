import { useEffect, useState } from 'react';

export const TABS = [
  { id: 'verdeling', label: 'Verdeling' },
  { id: 'wat-als', label: 'Wat als de cesuur anders is' },
  { id: 'condities', label: 'Afnamecondities' },
  { id: 'betrouwbaarheid', label: 'Betrouwbaarheid' },
  { id: 'uitslagen', label: 'Uitslagen en leerroute' },
  { id: 'afwijkend', label: 'Afwijkende afnames' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

/** The privacy officer's tabs; that role sees no results (src/shared/review/auth.ts, RESULT_ROLES). */
export const PRIVACY_TABS = [
  { id: 'auditlog', label: 'Auditlog' },
  { id: 'bewaartermijn', label: 'Bewaartermijn' },
  { id: 'inzageverzoek', label: 'Inzage- en verwijderverzoeken' },
] as const;
export type PrivacyTabId = (typeof PRIVACY_TABS)[number]['id'];

/**
 * The beheerder's psychometric views (issue 19). The link shows for a beheerder only; the service refuses the
 * calibration API to every other role (src/server/review/calibration-routes.ts).
 */
export const BEHEER_TABS = [
  { id: 'kalibratie', label: 'Kalibratie' },
  { id: 'dif', label: 'DIF' },
  { id: 'standaardbepaling', label: 'Standaardbepaling' },
] as const;
export type BeheerTabId = (typeof BEHEER_TABS)[number]['id'];

export type Route =
  | { view: 'tab'; tab: TabId }
  | { view: 'beheer'; tab: BeheerTabId }
  | { view: 'privacy'; tab: PrivacyTabId }
  | { view: 'sheet'; resultId: string }
  | { view: 'users' }
  | { view: 'letter' };

/** The hash is the page's address (`#/verdeling`, `#/uitslag/<id>`), so a view can be bookmarked or reloaded. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const sheet = /^uitslag\/([0-9a-f-]{36})$/.exec(path);
  if (sheet?.[1]) return { view: 'sheet', resultId: sheet[1] };
  // Not a tab: only a beheerder sees the link (the service refuses the API to anyone else).
  if (path === 'gebruikers') return { view: 'users' };
  // The invitation letter (issue 21): a consulent or beheerder; it reads no results.
  if (path === 'uitnodiging') return { view: 'letter' };
  const beheer = BEHEER_TABS.find((candidate) => candidate.id === path);
  if (beheer) return { view: 'beheer', tab: beheer.id };
  const privacy = PRIVACY_TABS.find((candidate) => candidate.id === path);
  if (privacy) return { view: 'privacy', tab: privacy.id };
  const tab = TABS.find((candidate) => candidate.id === path);
  return { view: 'tab', tab: tab?.id ?? 'verdeling' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Every tab's id; `landelijk` is the analist's one placeholder tab. */
export type AnyTabId = TabId | PrivacyTabId | BeheerTabId | 'landelijk';

export const tabHref = (tab: AnyTabId): string => `#/${tab}`;
export const USERS_HREF = '#/gebruikers';
export const LETTER_HREF = '#/uitnodiging';
export const sheetHref = (resultId: string): string => `#/uitslag/${resultId}`;
