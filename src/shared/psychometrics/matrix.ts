/**
 * Small dense linear algebra for the calibration: the CML information matrix is at most items × items (40 × 40
 * for the LBT), so Gauss-Jordan with partial pivoting is exact enough and needs no library.
 */

/** The inverse of a square matrix; throws when it is singular (an item nobody or everybody answered correctly). */
export function invertMatrix(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const a = matrix.map((row, i) => {
    if (row.length !== n) throw new Error('invertMatrix: de matrix is niet vierkant');
    return [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))];
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    const pivotValue = a[pivot]![col]!;
    if (!Number.isFinite(pivotValue) || Math.abs(pivotValue) < 1e-12)
      throw new Error('invertMatrix: de matrix is singulier');
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const pivotRow = a[col]!;
    for (let j = 0; j < 2 * n; j++) pivotRow[j]! /= pivotValue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const factor = row[col]!;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * n; j++) row[j]! -= factor * pivotRow[j]!;
    }
  }
  return a.map((row) => row.slice(n));
}
