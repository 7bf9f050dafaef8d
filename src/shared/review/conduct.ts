import { z } from 'zod';
import { ReferenceForm } from '../afnemer/reference-form';
import { ReviewFilters } from './filters';

/**
 * "Afwijkende afnames" (issue 20, item 1): sittings that did not end normally, counted per afnemer or per
 * location (the kiosk's enrollment label). A sitting can be in several columns at once (paused, then aborted);
 * `normal` is the rest. Reason counts are per sitting: a sitting paused twice for a break counts once there.
 */
export const ConductBy = z.enum(['afnemer', 'location']);
export type ConductBy = z.infer<typeof ConductBy>;

export const ConductQuery = ReviewFilters.extend({
  by: ConductBy.default('afnemer'),
  minGroup: z.coerce.number().int().min(1).max(10_000).optional(),
}).strict();
export type ConductQuery = z.infer<typeof ConductQuery>;

/** What kind of deviation a reason belongs to. */
export const EndingKind = z.enum(['pause', 'abort', 'ended-early']);
export type EndingKind = z.infer<typeof EndingKind>;

const Count = z.number().int().min(0);

const ConductCounts = {
  n: Count,
  paused: Count,
  endedEarly: Count,
  aborted: Count,
  /** Resumed after the kiosk was down (crash, power loss): `interrupted`. */
  recovered: Count,
  normal: Count,
};

export const ConductRow = z
  .object({
    /** The afnemer id or the device id; `onbekend` when not recorded. */
    key: z.string(),
    label: z.string(),
    ...ConductCounts,
    /** Fewer sittings than `minGroup`: marked, as in the conditions view. */
    tooSmall: z.boolean(),
  })
  .strict();
export type ConductRow = z.infer<typeof ConductRow>;

export const ConductResponse = z
  .object({
    by: ConductBy,
    minGroup: Count,
    total: z.object(ConductCounts).strict(),
    rows: z.array(ConductRow),
    reasons: z.array(z.object({ kind: EndingKind, code: z.string(), label: z.string(), n: Count }).strict()),
  })
  .strict();
export type ConductResponse = z.infer<typeof ConductResponse>;

/** Dutch labels of the reason codes the kiosk records (src/shared/session/event-parts.ts). */
const ENDING_REASON_LABELS: Record<EndingKind, Record<string, string>> = {
  pause: {
    'candidate-break': 'Pauze op verzoek van de kandidaat',
    'candidate-distress': 'Kandidaat was van streek',
    disturbance: 'Verstoring in de ruimte',
    technical: 'Technisch probleem',
    'focus-lost': 'Toetsvenster verloor de focus (kiosk)',
    'display-changed': 'Scherm veranderde buiten de eisen (kiosk)',
    'host-restart': 'Vastgehouden na herstart van de kiosk',
    other: 'Andere reden',
  },
  abort: {
    'candidate-unwell': 'Kandidaat werd onwel',
    'candidate-refused': 'Kandidaat wilde niet verder',
    'candidate-unable': 'Kandidaat kon niet verder',
    'technical-failure': 'Technische storing',
    'wrong-candidate': 'Verkeerde kandidaat gestart',
    other: 'Andere reden',
  },
  'ended-early': { 'not-understood': 'Kandidaat begrijpt de opdracht niet' },
};

export const ENDING_KIND_LABELS: Record<EndingKind, string> = {
  pause: 'Gepauzeerd',
  abort: 'Afgebroken',
  'ended-early': 'Vroeg beëindigd',
};

/** A code's label, or the code itself for one this version does not know (a newer kiosk). */
export function endingReasonLabel(kind: EndingKind, code: string): string {
  return ENDING_REASON_LABELS[kind][code] ?? code;
}

/** `GET /v1/review/reference-form` (beheerder): the gemeente's candidate reference form, as kiosks get it. */
export const ReferenceFormResponse = z
  .object({
    form: ReferenceForm.nullable(),
    /** How the console names it, e.g. "999999999 (9 cijfers) met 11-proef, bijvoorbeeld 123456782". */
    description: z.string().nullable(),
  })
  .strict();
