/**
 * The e2e suite has a bounded form (`npm test`, inside the CI time budget) and a full one (`npm run e2e:full`, or
 * `LBT_E2E_FULL=1`). The full form adds the longest walks that repeat what the bounded form already checks once: the
 * 40-item touch walk at every window size instead of two, a third language in the same-stimulus comparison, and
 * the whole demo sitting instead of its first family. Each spec that narrows says what it left out, in its output.
 */
export const FULL_E2E = process.env.LBT_E2E_FULL === '1';

/** One line in the run's output for what the bounded form leaves to the full one. */
export function boundedNote(what: string): void {
  if (!FULL_E2E) console.log(`[bounded e2e] ${what} (the full run: npm run e2e:full)`);
}
