import { z } from 'zod';
import { LanguageCode } from '../items';
import { Doelgroep } from '../session/event-parts';

/** Validity flags a result can carry; `geen` in a filter means "results without any flag". */
export const ValidityFlag = z.enum([
  'mouse-used',
  'focus-lost',
  'interrupted',
  'fast-answers',
  'unanswered',
  'score-mismatch',
  'cesuur-mismatch',
  'gemeente-mismatch',
  'ended-early',
  'reference-form',
]);
export type ValidityFlag = z.infer<typeof ValidityFlag>;

export const VALIDITY_FLAG_LABELS: Record<ValidityFlag, string> = {
  'mouse-used': 'Muis gebruikt',
  'focus-lost': 'Venster verloor focus',
  interrupted: 'Onderbroken (apparaat uitgevallen)',
  'fast-answers': 'Onwaarschijnlijk snelle antwoorden',
  unanswered: 'Onbeantwoorde opgaven',
  'score-mismatch': 'Score van het apparaat wijkt af',
  'cesuur-mismatch': 'Cesuur van het apparaat wijkt af van het toetspakket',
  'gemeente-mismatch': 'Gemeente in het resultaat wijkt af van de aanmelding van de kiosk',
  'ended-early': 'Vroeg beëindigd door de afnemer: de kandidaat begrijpt de opdracht niet',
  'reference-form': 'Kandidaatreferentie past niet in het referentieformaat van de gemeente',
};

/** How the candidate answered, as stored: the pointer types over the scored items. */
export const InputTypeFilter = z.enum(['touch', 'pen', 'mouse', 'mixed', 'none']);
export const INPUT_TYPE_LABELS: Record<z.infer<typeof InputTypeFilter>, string> = {
  touch: 'Aanraken',
  pen: 'Pen',
  mouse: 'Muis',
  mixed: 'Gemengd',
  none: 'Geen invoer',
};

const YesNo = z.enum(['ja', 'nee', 'onbekend']);
const Day = z.iso.date();

/**
 * The filters every table view takes, as query-string parameters (all optional). `from`/`to` are inclusive
 * days (YYYY-MM-DD, UTC) on the time the sitting was closed. `deviceId` is the location: a kiosk stands in one place.
 */
export const ReviewFilters = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    doelgroep: Doelgroep.optional(),
    deviceId: z.string().min(1).max(100).optional(),
    language: LanguageCode.optional(),
    interpreter: YesNo.optional(),
    inputType: InputTypeFilter.optional(),
    flag: z.union([ValidityFlag, z.literal('geen')]).optional(),
  })
  .strict();
export type ReviewFilters = z.infer<typeof ReviewFilters>;

/** `GET /v1/review/filter-options`: the values present in the gemeente's data, for the filter menus. */
export const FilterOptions = z
  .object({
    devices: z.array(z.object({ deviceId: z.string(), label: z.string() }).strict()),
    doelgroepen: z.array(Doelgroep),
    languages: z.array(LanguageCode),
    /** First and last closing day in the data, null when there are no results. */
    firstDay: Day.nullable(),
    lastDay: Day.nullable(),
  })
  .strict();
export type FilterOptions = z.infer<typeof FilterOptions>;
