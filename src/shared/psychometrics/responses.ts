/**
 * The input of every psychometric computation: scored responses of complete sittings, one row per sitting and
 * one column per item (1 correct, 0 not). Incomplete sittings are left out before this point: the raw score is
 * only a sufficient statistic for ability when every item was presented.
 */
export type ResponseMatrix = readonly (readonly number[])[];

/** A matrix that cannot be used, with the reason in Dutch for the beheerder. */
export class PsychometricsInputError extends Error {
  override readonly name = 'PsychometricsInputError';
}

/** Checks shape and values; returns the number of items. */
export function checkResponses(responses: ResponseMatrix, minimumRows = 1): number {
  if (responses.length < minimumRows)
    throw new PsychometricsInputError(
      `te weinig gegevens: ${responses.length} afnames, er zijn er minstens ${minimumRows} nodig`,
    );
  const items = responses[0]?.length ?? 0;
  if (items < 2) throw new PsychometricsInputError('er zijn minstens 2 items nodig');
  // Plain loops: this runs over every answer of up to 100,000 sittings (bench server.calibrate).
  for (let r = 0; r < responses.length; r++) {
    const row = responses[r]!;
    if (row.length !== items)
      throw new PsychometricsInputError(`afname ${r + 1} heeft ${row.length} antwoorden, verwacht ${items}`);
    for (let i = 0; i < items; i++) {
      const x = row[i];
      if (x !== 0 && x !== 1)
        throw new PsychometricsInputError(
          `afname ${r + 1}, item ${i + 1}: antwoord ${String(x)} is geen 0 of 1`,
        );
    }
  }
  return items;
}

export function rawScores(responses: ResponseMatrix): number[] {
  return responses.map((row) => {
    let sum = 0;
    for (const x of row) sum += x;
    return sum;
  });
}

/** Number correct per item, in one pass over the rows (row by row, as the matrix is laid out). */
export function itemTotals(responses: ResponseMatrix, items: number): number[] {
  const totals = new Array<number>(items).fill(0);
  for (const row of responses) for (let i = 0; i < items; i++) totals[i]! += row[i]!;
  return totals;
}
