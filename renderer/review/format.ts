import { KIOSK_TIME_ZONE } from '../../src/shared/afnemer/kiosk-time';
import type { Doelgroep } from '../../src/shared/session/event-parts';

const integer = new Intl.NumberFormat('nl-NL');
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatCount = (value: number): string => integer.format(value);
export const formatPct = (value: number | null): string =>
  value === null ? '–' : `${oneDecimal.format(value)}%`;
export const formatOne = (value: number | null): string => (value === null ? '–' : oneDecimal.format(value));
export const formatTwo = (value: number | null): string => (value === null ? '–' : twoDecimals.format(value));

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: KIOSK_TIME_ZONE,
});
const date = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: KIOSK_TIME_ZONE,
});
export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatDate = (iso: string): string => date.format(new Date(iso));

export const DOELGROEP_LABELS: Record<Doelgroep, string> = {
  asielstatushouder: 'Asielstatushouder',
  gezinsmigrant: 'Gezinsmigrant',
  'overige-migrant': 'Overige migrant',
  'vrijwillige-inburgeraar': 'Vrijwillige inburgeraar',
  onbekend: 'Onbekend',
};

export const LANGUAGE_LABELS: Record<string, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  ar: 'Arabisch',
  fa: 'Dari/Farsi',
  tr: 'Turks',
  uk: 'Oekraïens',
  ti: 'Tigrinya',
  so: 'Somalisch',
  ps: 'Pasjtoe',
};
