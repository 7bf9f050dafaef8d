/** Dutch labels for stored condition values, shared by the conditions view, the result sheet and the CSV. */
import { INPUT_TYPE_LABELS } from '../../shared/review';

export const NOT_RECORDED = 'Niet vastgelegd';

export const LANGUAGE_LABELS: Record<string, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  ar: 'Arabisch',
  fa: 'Perzisch (Farsi/Dari)',
  tr: 'Turks',
  uk: 'Oekraïens',
  ti: 'Tigrinya',
  so: 'Somalisch',
  ps: 'Pasjtoe',
};

const SHELL_LABELS: Record<string, string> = {
  electron: 'Kiosk-app (volledige lockdown)',
  chromium: 'Chromium-browser (beperkte lockdown)',
};

const PRACTICED_LABELS: Record<string, string> = {
  yes: 'Ja, thuis geoefend',
  'demo-vandaag': 'Nee, demonstratie vandaag',
  no: 'Nee',
  unknown: 'Onbekend',
};

const INTAKE_LABELS: Record<string, string> = {
  'voor-intake': 'Vóór de intake',
  'na-intake': 'Na de intake',
  onbekend: 'Onbekend',
};
const INTERPRETER_MODE_LABELS: Record<string, string> = {
  'in-room': 'Tolk in de ruimte',
  phone: 'Tolk telefonisch',
  geen: 'Geen tolk',
};

/** 1/0 of a yes/no condition; null is not recorded. */
export function yesNoLabel(value: number | string | null): string {
  if (value === null || value === 'onbekend') return NOT_RECORDED;
  return String(value) === '1' ? 'Ja' : 'Nee';
}
export function intakeLabel(value: string | null): string {
  return value === null ? NOT_RECORDED : (INTAKE_LABELS[value] ?? value);
}
/** Without the checklist's mode, a present interpreter is "mode not recorded". */
export function interpreterModeLabel(value: string | null): string {
  return value === null ? NOT_RECORDED : (INTERPRETER_MODE_LABELS[value] ?? value);
}
export function groupSizeLabel(value: string | number | null): string {
  if (value === null || value === 'onbekend') return NOT_RECORDED;
  return Number(value) === 1 ? '1 kandidaat' : `${value} kandidaten`;
}

export function inputTypeLabel(value: string): string {
  return (INPUT_TYPE_LABELS as Record<string, string>)[value] ?? value;
}

export function interpreterValue(value: number | null): 'ja' | 'nee' | 'onbekend' {
  return value === null ? 'onbekend' : value === 1 ? 'ja' : 'nee';
}
export const INTERPRETER_LABELS = { ja: 'Met tolk', nee: 'Zonder tolk', onbekend: NOT_RECORDED } as const;

export function practicedLabel(value: string | null): string {
  return value === null ? NOT_RECORDED : (PRACTICED_LABELS[value] ?? value);
}
export function shellLabel(value: string | null): string {
  return value === null ? NOT_RECORDED : (SHELL_LABELS[value] ?? value);
}
export function languageLabel(value: string): string {
  return LANGUAGE_LABELS[value] ?? value;
}
