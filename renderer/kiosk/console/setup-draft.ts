import type { AfnemerStartRequest } from '../../../src/shared/afnemer';
import { candidateRefMatches } from '../../../src/shared/afnemer/policy';
import type { LanguageCode } from '../../../src/shared/items';
import type { IntakeMoment, Voorbereiding } from '../../../src/shared/session/conditions';
import type { Doelgroep } from '../../../src/shared/session/event-parts';

/** The set-up screen's answers so far; null = not yet answered (nothing is pre-ticked for the afnemer). */
export interface SetupDraft {
  candidateRef: string;
  doelgroep: Exclude<Doelgroep, 'onbekend'> | null;
  language: LanguageCode | null;
  roomQuiet: boolean | null;
  groupSize: number;
  interpreterPresent: boolean | null;
  interpreterLanguage: LanguageCode | null;
  preparation: Voorbereiding | null;
  intakeMoment: IntakeMoment | null;
}

export const EMPTY_DRAFT: SetupDraft = {
  candidateRef: '',
  doelgroep: null,
  language: null,
  roomQuiet: null,
  groupSize: 1,
  interpreterPresent: null,
  interpreterLanguage: null,
  preparation: null,
  intakeMoment: null,
};

/** The reference as the afnemer typed it, normalised the way the field shows it. */
export const normaliseRef = (value: string): string => value.toUpperCase().replace(/\s/g, '');

/**
 * The start request once every question is answered and the reference fits the configured format, or the
 * list of what is still missing, in Dutch (shown beside the disabled "Verder" button).
 */
export function startRequestOf(
  draft: SetupDraft,
  policy: { candidateRefPattern: string },
): { request: AfnemerStartRequest; missing: [] } | { request: null; missing: string[] } {
  const missing: string[] = [];
  if (!candidateRefMatches(policy, draft.candidateRef)) missing.push('een geldige kandidaatreferentie');
  if (!draft.doelgroep) missing.push('de doelgroep');
  if (!draft.language) missing.push('de instructietaal');
  if (draft.roomQuiet === null) missing.push('of de ruimte rustig is');
  if (draft.interpreterPresent === null) missing.push('of er een tolk is');
  if (draft.interpreterPresent && !draft.interpreterLanguage) missing.push('de taal van de tolk');
  if (!draft.preparation) missing.push('de voorbereiding');
  if (!draft.intakeMoment) missing.push('het moment ten opzichte van het intakegesprek');
  if (missing.length > 0) return { request: null, missing };
  return {
    missing: [],
    request: {
      candidateRef: draft.candidateRef,
      doelgroep: draft.doelgroep!,
      language: draft.language!,
      checklist: {
        roomQuiet: draft.roomQuiet!,
        groupSize: draft.groupSize,
        interpreterPresent: draft.interpreterPresent!,
        ...(draft.interpreterPresent ? { interpreterLanguage: draft.interpreterLanguage! } : {}),
        preparation: draft.preparation!,
        intakeMoment: draft.intakeMoment!,
      },
    },
  };
}
