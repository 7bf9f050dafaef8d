/**
 * The values present in a gemeente's data, for the dashboard's filter menus: one pass over the review tally
 * (every view's page asks for these, so they must cost no more than the view).
 */
import type { Kysely } from 'kysely';
import { LanguageCode } from '../../shared/items';
import { Doelgroep } from '../../shared/session/event-parts';
import type { FilterOptions } from '../../shared/review';
import type { Database } from '../db/tables';
import { tallyFor } from './tally/sync';

export async function filterOptions(db: Kysely<Database>, gemeente: string): Promise<FilterOptions> {
  const tally = tallyFor(db);
  const [segment] = await tally.fresh(gemeente);
  const devices = await db
    .selectFrom('devices')
    .select(['device_id', 'label'])
    .where('gemeente', '=', gemeente)
    .orderBy('label')
    .execute();
  const doelgroepCodes = new Set<number>();
  const languageCodes = new Set<number>();
  let first = Infinity;
  let last = -Infinity;
  const s = segment!;
  for (let i = 0; i < s.length; i++) {
    if (!s.alive.data[i]) continue;
    doelgroepCodes.add(s.coded.doelgroep.data[i]!);
    languageCodes.add(s.coded.language.data[i]!);
    const at = s.closedMs.data[i]!;
    if (at < first) first = at;
    if (at > last) last = at;
  }
  const decoded = (column: 'doelgroep' | 'language', codes: Set<number>) =>
    [...codes].map((c) => String(tally.store.decode(column, c)));
  const day = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null);
  return {
    devices: devices.map((d) => ({ deviceId: d.device_id, label: d.label })),
    // Only values the schema knows: a stray stored value must not break the menu's contract.
    doelgroepen: decoded('doelgroep', doelgroepCodes)
      .filter((d) => Doelgroep.safeParse(d).success)
      .sort() as FilterOptions['doelgroepen'],
    languages: decoded('language', languageCodes)
      .filter((l) => LanguageCode.safeParse(l).success)
      .sort() as FilterOptions['languages'],
    firstDay: day(first),
    lastDay: day(last),
  };
}
