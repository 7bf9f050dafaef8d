import type { AfnemerStartRequest } from '../../../src/shared/afnemer';
import { arrangementProblems } from '../../../src/shared/afnemer/arrangement';
import {
  checkCandidateReference,
  type ReferenceFallback,
  type ReferenceForm,
} from '../../../src/shared/afnemer/reference-form';
import type { LanguageCode } from '../../../src/shared/items';
import {
  Iso639Code,
  type IntakeMoment,
  type InterpreterMode,
  type Voorbereiding,
} from '../../../src/shared/session/conditions';
import type { Doelgroep } from '../../../src/shared/session/event-parts';

/** The set-up screen's answers so far; null = not yet answered (nothing is pre-ticked for the afnemer). */
export interface SetupDraft {
  candidateRef: string;
  doelgroep: Exclude<Doelgroep, 'onbekend'> | null;
  language: LanguageCode | null;
  roomQuiet: boolean | null;
  groupSize: number;
  /** The headphones tick, asked only with more than one candidate in the room. */
  headphones: boolean;
  interpreterPresent: boolean | null;
  /** As typed: any ISO 639 code, checked by `interpreterLanguageProblem`. */
  interpreterLanguage: string;
  interpreterMode: InterpreterMode | null;
  translationTool: boolean | null;
  /** Without audio and interpreter: null = no other arrangement confirmed, else its description as typed. */
  otherArrangement: string | null;
  preparation: Voorbereiding | null;
  intakeMoment: IntakeMoment | null;
}

export const EMPTY_DRAFT: SetupDraft = {
  candidateRef: '',
  doelgroep: null,
  language: null,
  roomQuiet: null,
  groupSize: 1,
  headphones: false,
  interpreterPresent: null,
  interpreterLanguage: '',
  interpreterMode: null,
  translationTool: null,
  otherArrangement: null,
  preparation: null,
  intakeMoment: null,
};

/**
 * The reference as the field shows it: upper case, spaces kept. Spaces used to be removed here, which turned
 * "Jan de Vries 2" into a valid-looking JANDEVRIES2; the check (reference-form.ts) now sees what was typed.
 */
export const normaliseRef = (value: string): string => value.toUpperCase();

/** What the set-up screen knows about the reference's form: the kiosk's pattern and the gemeente's form. */
export type ReferencePolicy = ReferenceFallback & { referenceForm: ReferenceForm | null };

export const referenceCheckOf = (draft: SetupDraft, policy: ReferencePolicy) =>
  checkCandidateReference(draft.candidateRef, policy.referenceForm, policy);

/** The interpreter's language as typed, normalised: codes are lowercase, surrounding spaces never mean anything. */
export const normaliseLanguageCode = (value: string): string => value.trim().toLowerCase();

/** Why the typed interpreter language is not a code (Dutch, shown under the field), or null when it is. */
export function interpreterLanguageProblem(value: string): string | null {
  if (value === '') return null;
  return Iso639Code.safeParse(value).success
    ? null
    : `"${value}" is geen taalcode. Gebruik de ISO 639-code van 2 of 3 letters, bijvoorbeeld "so" (Somali), "ps" (Pashto) of "prs" (Dari).`;
}

/** Whether the set-up screen asks for an other arrangement: a language without audio and no interpreter. */
export function needsArrangement(draft: SetupDraft, hasAudio: (language: LanguageCode) => boolean): boolean {
  return draft.language !== null && !hasAudio(draft.language) && draft.interpreterPresent !== true;
}

/** The shortest description of another arrangement the host accepts (ConditionsChecklist). */
const MIN_ARRANGEMENT = 5;

/**
 * The start request once every question is answered and the reference fits the configured format, or the
 * list of what is still missing, in Dutch (shown beside the disabled "Verder" button). `blocked` holds the
 * rules that stop the hand-over whatever is filled in later (src/shared/afnemer/arrangement.ts), each a full
 * sentence the set-up screen shows as an explanation. `hasAudio` says whether a language is spoken.
 */
export function startRequestOf(
  draft: SetupDraft,
  policy: ReferencePolicy,
  hasAudio: (language: LanguageCode) => boolean,
):
  | { request: AfnemerStartRequest; missing: []; blocked: [] }
  | { request: null; missing: string[]; blocked: string[] } {
  const missing: string[] = [];
  // The other arrangement is asked (and sent) only where it counts: no audio and no interpreter.
  const asksArrangement = needsArrangement(draft, hasAudio);
  const reference = referenceCheckOf(draft, policy);
  if (!reference.ok) missing.push('een geldige kandidaatreferentie');
  if (!draft.doelgroep) missing.push('de doelgroep');
  if (!draft.language) missing.push('de instructietaal');
  if (draft.roomQuiet === null) missing.push('of de ruimte rustig is');
  if (draft.interpreterPresent === null) missing.push('of er een tolk is');
  if (draft.interpreterPresent) {
    if (draft.interpreterLanguage === '' || interpreterLanguageProblem(draft.interpreterLanguage))
      missing.push('de taal van de tolk (ISO 639-code)');
    if (!draft.interpreterMode) missing.push('of de tolk in de ruimte of aan de telefoon is');
  }
  if (draft.translationTool === null) missing.push('of er een vertaalhulpmiddel is gebruikt');
  if (
    asksArrangement &&
    draft.otherArrangement !== null &&
    draft.otherArrangement.trim().length < MIN_ARRANGEMENT
  )
    missing.push('een korte beschrijving van de andere regeling');
  if (!draft.preparation) missing.push('de voorbereiding');
  if (!draft.intakeMoment) missing.push('het moment ten opzichte van het intakegesprek');
  const otherArrangement =
    asksArrangement && draft.otherArrangement !== null && draft.otherArrangement.trim() !== ''
      ? draft.otherArrangement.trim()
      : undefined;
  const blocked = arrangementProblems(
    {
      groupSize: draft.groupSize,
      headphones: draft.headphones,
      interpreterPresent: draft.interpreterPresent === true,
      ...(otherArrangement ? { otherArrangement } : {}),
    },
    draft.language === null || hasAudio(draft.language),
  );
  if (missing.length > 0 || blocked.length > 0 || !reference.ok) return { request: null, missing, blocked };
  return {
    missing: [],
    blocked: [],
    request: {
      candidateRef: reference.reference,
      doelgroep: draft.doelgroep!,
      language: draft.language!,
      checklist: {
        roomQuiet: draft.roomQuiet!,
        groupSize: draft.groupSize,
        ...(draft.groupSize > 1 ? { headphones: draft.headphones } : {}),
        interpreterPresent: draft.interpreterPresent!,
        ...(draft.interpreterPresent
          ? { interpreterLanguage: draft.interpreterLanguage, interpreterMode: draft.interpreterMode! }
          : {}),
        translationTool: draft.translationTool!,
        ...(otherArrangement ? { otherArrangement } : {}),
        preparation: draft.preparation!,
        intakeMoment: draft.intakeMoment!,
      },
    },
  };
}
