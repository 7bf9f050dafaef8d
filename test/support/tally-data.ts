/**
 * Random stored results for the review tally's tests: rows written straight into `results` and `leerroutes`
 * (the triggers of migration 020 fire as they do for ingest), every review column drawn from a few values so
 * that random filters both hit and miss, plus random later writes (deletes, route changes, updates) for the
 * catching-up tests. The reference SQL (scope.ts's `scopedResults`) and the tally must select the same rows.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, ResultsTable } from '../../src/server/db/tables';
import type { ReviewFilters } from '../../src/shared/review';
import { ValidityFlag } from '../../src/shared/review';
import type { SimulationRng } from '../psychometrics/simulate';

const pick = <T>(rng: SimulationRng, values: readonly T[]): T =>
  values[Math.floor(rng.next() * values.length)]!;
const maybe = <T>(rng: SimulationRng, value: T, p = 0.2): T | null => (rng.next() < p ? null : value);

export const TALLY_DOELGROEPEN = ['asielstatushouder', 'gezinsmigrant', 'overige-migrant'] as const;
export const TALLY_LANGUAGES = ['nl', 'ar', 'ti', 'fa'] as const;
const INPUTS = ['touch', 'mouse', 'mixed'] as const;

/** A row like `template` (a real stored result) with its review columns drawn at random. */
export function randomRow(
  rng: SimulationRng,
  template: ResultsTable,
  id: string,
  gemeente: string,
  devices: readonly string[],
): Insertable<ResultsTable> {
  const completed = rng.next() < 0.85;
  const raw = Math.floor(rng.next() * 41);
  const cesuur = pick(rng, [28, 28, 28, 31]);
  const pilot = rng.next() < 0.15;
  const pattern = Array.from({ length: 40 }, (_, i) => (i < raw ? '1' : rng.next() < 0.1 ? '-' : '0'));
  const day = 1 + Math.floor(rng.next() * 180);
  const closed = new Date(Date.UTC(2026, 0, day, Math.floor(rng.next() * 24), Math.floor(rng.next() * 60)));
  return {
    ...template,
    result_id: id,
    session_id: id,
    envelope_hash: id,
    gemeente,
    device_id: pick(rng, devices),
    status: completed ? 'completed' : 'aborted',
    closed_at: closed.toISOString(),
    doelgroep: pick(rng, TALLY_DOELGROEPEN),
    language: pick(rng, TALLY_LANGUAGES),
    input_type: pick(rng, INPUTS),
    interpreter: pick(rng, [0, 1, null]),
    raw,
    cesuur,
    outcome: !completed ? null : pilot ? 'geen-advies' : raw >= cesuur ? 'haalbaar' : 'niet-haalbaar',
    item_pattern: pattern.join(''),
    practiced: maybe(rng, pick(rng, ['yes', 'no', 'demo-vandaag'])),
    quiet_room: maybe(rng, pick(rng, [0, 1])),
    group_size: maybe(rng, pick(rng, [1, 2, 6])),
    intake_moment: maybe(rng, pick(rng, ['voor', 'na'])),
    interpreter_mode: maybe(rng, pick(rng, ['in-room', 'phone', 'geen'])),
    interpreter_language: maybe(rng, pick(rng, ['ar', 'ti']), 0.6),
    translation_tool: maybe(rng, pick(rng, [0, 1])),
    afnemer_id: maybe(rng, pick(rng, ['afn-1', 'afn-2', 'afn-3']), 0.1),
    device_model: maybe(rng, pick(rng, ['Iiyama T2455', 'Dell P2418HT'])),
    shell: maybe(rng, pick(rng, ['electron', 'browser'])),
    mouse_used: rng.next() < 0.1 ? 1 : 0,
    focus_lost: rng.next() < 0.1 ? 1 : 0,
    interrupted: rng.next() < 0.1 ? 1 : 0,
    fast_answers: rng.next() < 0.1 ? 2 : 0,
    unanswered: pattern.filter((c) => c === '-').length,
    score_mismatch: rng.next() < 0.05 ? 1 : 0,
    cesuur_mismatch: rng.next() < 0.05 ? 1 : 0,
    gemeente_mismatch: rng.next() < 0.05 ? 1 : 0,
    reference_form_broken: rng.next() < 0.05 ? 1 : 0,
    ended_early: rng.next() < 0.08 ? pick(rng, ['begrijpt-opdracht-niet', 'onwel']) : null,
    abort_reason: !completed ? pick(rng, ['afnemer-stop', 'technisch']) : null,
    pauses: rng.next() < 0.2 ? 1 + Math.floor(rng.next() * 2) : 0,
    pause_reasons: null,
  };
}

export async function insertRandomResults(
  db: Kysely<Database>,
  rng: SimulationRng,
  template: ResultsTable,
  options: { prefix: string; count: number; gemeenten: Record<string, readonly string[]> },
): Promise<string[]> {
  const ids: string[] = [];
  const rows: Insertable<ResultsTable>[] = [];
  const gemeenten = Object.keys(options.gemeenten);
  for (let n = 0; n < options.count; n++) {
    const id = `${options.prefix}-${n}`;
    const gemeente = pick(rng, gemeenten);
    const row = randomRow(rng, template, id, gemeente, options.gemeenten[gemeente]!);
    if (row.pauses) row.pause_reasons = pick(rng, [',candidate-break,', ',candidate-break,technical,']);
    rows.push(row);
    ids.push(id);
  }
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('results')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  return ids;
}

/** Records, changes or removes the leerroute of some of `ids` (of completed results). */
export async function randomRoutes(db: Kysely<Database>, rng: SimulationRng, ids: readonly string[]) {
  const rows = await db
    .selectFrom('results')
    .leftJoin('leerroutes as l', 'l.result_id', 'results.result_id')
    .select(['results.result_id', 'results.gemeente', 'results.raw', 'results.cesuur', 'l.route'])
    .where('results.result_id', 'in', [...ids])
    .where('results.status', '=', 'completed')
    .execute();
  for (const row of rows) {
    const roll = rng.next();
    if (roll < 0.5) continue;
    const route = pick(rng, ['B1', 'O', 'Z'] as const);
    if (row.route === null) {
      await db
        .insertInto('leerroutes')
        .values({
          result_id: row.result_id,
          gemeente: row.gemeente,
          route,
          raw: row.raw,
          cesuur: row.cesuur,
          conform: 1,
          reason: null,
          explanation: null,
          recorded_by: 'tally-test',
          recorded_at: '2026-06-01T10:00:00.000Z',
        })
        .execute();
    } else if (roll < 0.8) {
      await db.updateTable('leerroutes').set({ route }).where('result_id', '=', row.result_id).execute();
    } else {
      await db.deleteFrom('leerroutes').where('result_id', '=', row.result_id).execute();
    }
  }
}

/** A random combination of review filters (each present with probability 0.35), values mostly from the data. */
export function randomFilters(rng: SimulationRng, devices: readonly string[]): ReviewFilters {
  const f: ReviewFilters = {};
  const on = () => rng.next() < 0.35;
  if (on()) f.from = `2026-0${1 + Math.floor(rng.next() * 3)}-1${Math.floor(rng.next() * 9)}`;
  if (on()) f.to = `2026-0${3 + Math.floor(rng.next() * 4)}-0${1 + Math.floor(rng.next() * 9)}`;
  if (on()) f.doelgroep = pick(rng, TALLY_DOELGROEPEN);
  if (on()) f.deviceId = pick(rng, [...devices, 'geen-kiosk']);
  if (on()) f.language = pick(rng, [...TALLY_LANGUAGES, 'uk' as const]);
  if (on()) f.inputType = pick(rng, [...INPUTS, 'pen' as const]);
  if (on()) f.interpreter = pick(rng, ['ja', 'nee', 'onbekend'] as const);
  if (on()) f.flag = pick(rng, [...ValidityFlag.options, 'geen' as const]);
  return f;
}
