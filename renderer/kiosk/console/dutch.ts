import type { DeliveryState } from '../../../src/shared/results-service/outbox';
import type { LanguageAudio, LanguageCode } from '../../../src/shared/items';
import type { IntakeMoment, Voorbereiding } from '../../../src/shared/session/conditions';
import type {
  AbortReason,
  ChosenPauseReason,
  Doelgroep,
  EarlyEndReason,
  PauseReason,
} from '../../../src/shared/session/event-parts';

/** The afnemer's words for the reasons and states the host records as codes. */

/** Reasons the afnemer may choose; `focus-lost`, `display-changed` and `host-restart` are recorded by the kiosk, never chosen. */
export const PAUSE_REASONS: [ChosenPauseReason, string][] = [
  ['candidate-break', 'De kandidaat wil even pauzeren (toilet, drinken)'],
  ['candidate-distress', 'De kandidaat is onrustig of overstuur'],
  ['disturbance', 'Storing in de ruimte (geluid, iemand komt binnen)'],
  ['technical', 'Technisch probleem met het apparaat'],
  ['other', 'Andere reden'],
];

export const PAUSE_LABEL: Record<PauseReason, string> = {
  ...Object.fromEntries(PAUSE_REASONS),
  'focus-lost': 'Het toetsvenster verloor de focus',
  'display-changed': 'Scherm gewijzigd',
  'host-restart': 'Automatisch gepauzeerd na herstart van de kiosk',
} as Record<PauseReason, string>;

export const ABORT_REASONS: [AbortReason, string][] = [
  ['candidate-unwell', 'De kandidaat is onwel'],
  ['candidate-refused', 'De kandidaat wil niet verder'],
  ['candidate-unable', 'De kandidaat kan niet verder'],
  ['technical-failure', 'Technische storing'],
  ['wrong-candidate', 'Verkeerde kandidaat gestart'],
  ['other', 'Andere reden'],
];

/** The humane early stop (with a result), apart from the abort reasons so the two are never confused. */
export const EARLY_END_REASONS: [EarlyEndReason, string][] = [
  ['not-understood', 'De kandidaat begrijpt de opdracht niet'],
];

export const EARLY_END_LABEL = Object.fromEntries(EARLY_END_REASONS) as Record<EarlyEndReason, string>;

export const ABORT_LABEL = Object.fromEntries(ABORT_REASONS) as Record<AbortReason, string>;

export const DELIVERY_LABEL: Record<DeliveryState, string> = {
  delivered: 'Afgeleverd met ontvangstbewijs',
  waiting: 'Wacht op verbinding',
  exported: 'Geëxporteerd naar bestand',
};

/** Dates and times in the kiosk's one time zone (src/shared/afnemer/kiosk-time.ts), never the machine's. */
export { kioskDay as dutchDate, kioskClock as dutchTime } from '../../../src/shared/afnemer/kiosk-time';

/** "12 min 5 s" from milliseconds. */
export function minutes(ms: number): string {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

/** How a language's instructions are spoken, as the afnemer reads it beside the language (package view). */
export const LANGUAGE_AUDIO_LABEL: Record<LanguageAudio, string> = {
  recorded: 'opgenomen stem',
  'partly-recorded': 'deels opgenomen stem, deels synthetisch',
  synthetic: 'synthetische stem',
  none: 'geen geluid: tolk nodig',
};
export type LanguageAudioMap = Partial<Record<LanguageCode, LanguageAudio>>;

export const LANGUAGE_LABEL: Record<LanguageCode, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  ar: 'Arabisch',
  fa: 'Farsi',
  tr: 'Turks',
  uk: 'Oekraïens',
  ti: 'Tigrinya',
  so: 'Somalisch',
  ps: 'Pasjtoe',
};

/** The doelgroepen the afnemer chooses from; `onbekend` is for records without a choice, never offered. */
export const DOELGROEPEN: [Exclude<Doelgroep, 'onbekend'>, string][] = [
  ['asielstatushouder', 'Asielstatushouder'],
  ['gezinsmigrant', 'Gezinsmigrant'],
  ['overige-migrant', 'Overige migrant'],
  ['vrijwillige-inburgeraar', 'Vrijwillige inburgeraar'],
];

export const VOORBEREIDING: [Voorbereiding, string][] = [
  // Thuis geoefend met de oefenapp (/oefenen/); a short chip, so the set-up still fits a 1248x832 window.
  ['thuis-oefenapp', 'Oefenapp'],
  ['thuis-geoefend', 'Thuis geoefend'],
  ['demo-vandaag', 'Demo vandaag'],
  ['geen', 'Geen'],
];

export const INTAKE_MOMENT: [IntakeMoment, string][] = [
  ['voor-intake', 'Vóór de intake'],
  ['na-intake', 'Na de intake'],
  ['onbekend', 'Onbekend'],
];

export const YES_NO: ['ja' | 'nee', string][] = [
  ['ja', 'Ja'],
  ['nee', 'Nee'],
];
