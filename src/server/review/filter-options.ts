/** The values present in a gemeente's data, for the dashboard's filter menus. */
import type { Kysely } from 'kysely';
import { LanguageCode } from '../../shared/items';
import { Doelgroep } from '../../shared/session/event-parts';
import type { FilterOptions } from '../../shared/review';
import type { Database } from '../db/tables';

export async function filterOptions(db: Kysely<Database>, gemeente: string): Promise<FilterOptions> {
  const [devices, doelgroepen, languages, span] = await Promise.all([
    db
      .selectFrom('devices')
      .select(['device_id', 'label'])
      .where('gemeente', '=', gemeente)
      .orderBy('label')
      .execute(),
    db.selectFrom('results').select('doelgroep').distinct().where('gemeente', '=', gemeente).execute(),
    db.selectFrom('results').select('language').distinct().where('gemeente', '=', gemeente).execute(),
    db
      .selectFrom('results')
      .select((eb) => [eb.fn.min('closed_at').as('first'), eb.fn.max('closed_at').as('last')])
      .where('gemeente', '=', gemeente)
      .executeTakeFirst(),
  ]);
  return {
    devices: devices.map((d) => ({ deviceId: d.device_id, label: d.label })),
    // Only values the schema knows: a stray stored value must not break the menu's contract.
    doelgroepen: doelgroepen
      .map((d) => d.doelgroep)
      .filter((d) => Doelgroep.safeParse(d).success)
      .sort() as FilterOptions['doelgroepen'],
    languages: languages
      .map((l) => l.language)
      .filter((l) => LanguageCode.safeParse(l).success)
      .sort() as FilterOptions['languages'],
    firstDay: span?.first ? String(span.first).slice(0, 10) : null,
    lastDay: span?.last ? String(span.last).slice(0, 10) : null,
  };
}
