/**
 * The calibration e2e's data: a few thousand sittings of the reference package simulated from a known Rasch
 * model, stored as rows copied from a result the service really ingested (so every column is one ingest wrote),
 * with varied afnamecondities and three items made 0.8 logits harder for the Arabic-instructed group, so the
 * DIF view has something to find. Inserted directly: uploading thousands of signed results would only slow the
 * spec, and ingest has its own tests.
 */
import type { ServerDeps } from '../../../src/server/deps';
import { isHaalbaar } from '../../../src/shared/scoring/rules';
import { SimulationRng, simulateResponses } from '../../psychometrics/simulate';

export const SIMULATED = 2400;
/** Item positions (0-based) with DIF against the Arabic-instructed group. */
export const DIF_ITEMS = [12, 20, 27];

export async function seedCalibrationData(deps: ServerDeps, gemeente: string): Promise<void> {
  const template = await deps.db
    .selectFrom('results')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();
  const k = template.item_pattern.length;
  const rng = new SimulationRng(20261207);
  const difficulties = Array.from({ length: k }, (_, i) => -2.2 + (4.4 * i) / (k - 1) + rng.normal(0, 0.3));
  const language = (n: number) => (n % 20 < 12 ? 'nl' : n % 20 < 17 ? 'ar' : 'ti');
  const responses = simulateResponses(
    rng,
    Array.from({ length: SIMULATED }, () => rng.normal(0.6, 1.1)),
    difficulties,
    (person, item) => (language(person) === 'ar' && DIF_ITEMS.includes(item) ? 0.8 : 0),
  );
  const rows = responses.map((answers, n) => {
    const raw = answers.reduce((s, x) => s + x, 0);
    return {
      ...template,
      result_id: `sim-${String(n).padStart(5, '0')}`,
      session_id: `sim-${n}`,
      envelope_hash: `sim-${n}`,
      candidate_ref: `SIM-${n}`,
      status: 'completed' as const,
      item_pattern: answers.join(''),
      raw,
      raw_client: raw,
      outcome: isHaalbaar(raw, template.cesuur) ? ('haalbaar' as const) : ('niet-haalbaar' as const),
      in_twijfelzone: raw >= template.twijfelzone_from && raw <= template.twijfelzone_to ? 1 : 0,
      score_mismatch: 0,
      fast_answers: 0,
      language: language(n),
      input_type: n % 3 === 0 ? 'mouse' : 'touch',
      interpreter: n % 4 === 0 ? 1 : 0,
      group_size: n % 5 === 0 ? 6 : 1,
      device_model: n % 2 ? 'Surface Go 3' : 'iPad 9',
      closed_at: new Date(Date.UTC(2026, 8, 1) + n * 600_000).toISOString(),
    };
  });
  // SQLite caps the number of bound values per statement; 100 rows of ~50 columns stay well under it.
  for (let at = 0; at < rows.length; at += 100)
    await deps.db
      .insertInto('results')
      .values(rows.slice(at, at + 100))
      .execute();
}
