/**
 * Small-cell suppression for the national view (docs/PRIVACY.md, "Het landelijk beeld"). Pure: counts and the
 * sums that tie them together go in, the set of cells to hide comes out.
 *
 * Primary: every count under `min` (zero included) is hidden. A hidden cell is only hidden if nothing published
 * gives it back, and a published table is full of sums (a histogram adds up to its total, bins to their band,
 * band x route cells to their row and column). So, secondary, for every sum `total = part + part + ...`:
 * - exactly one hidden member would be the total minus the others: hide one more;
 * - hidden parts (with the total shown) whose sum is under `min` would reveal that each of them is small: hide
 *   one more, until the hidden parts add up to at least `min`.
 * The next cell to hide is the smallest shown part, else the total. Hiding only ever grows, so repeating over all
 * sums until nothing changes ends. Unpublished cells (e.g. "niet haalbaar") may be given as cells: they are
 * treated as known, which can only hide more, never less.
 */

export interface Sum {
  total: string;
  parts: readonly string[];
}

export function suppress(cells: ReadonlyMap<string, number>, sums: readonly Sum[], min: number): Set<string> {
  const value = (id: string): number => {
    const v = cells.get(id);
    if (v === undefined) throw new Error(`suppress: a sum names the unknown cell ${id}`);
    return v;
  };
  for (const sum of sums) for (const member of [sum.total, ...sum.parts]) value(member);
  const hidden = new Set<string>();
  for (const [id, v] of cells) if (v < min) hidden.add(id);
  for (let changed = true; changed;) {
    changed = false;
    for (const sum of sums) {
      const parts = [...new Set(sum.parts)].filter((p) => p !== sum.total);
      for (;;) {
        const hiddenParts = parts.filter((p) => hidden.has(p));
        const totalHidden = hidden.has(sum.total);
        const count = hiddenParts.length + (totalHidden ? 1 : 0);
        if (count === 0) break;
        const tooFew = count === 1;
        const tooSmall = !totalHidden && hiddenParts.reduce((s, p) => s + value(p), 0) < min;
        if (!tooFew && !tooSmall) break;
        const shown = parts.filter((p) => !hidden.has(p)).sort((a, b) => value(a) - value(b));
        const next = shown[0] ?? (totalHidden ? undefined : sum.total);
        // Everything in the sum is hidden already: nothing more to give away.
        if (next === undefined) break;
        hidden.add(next);
        changed = true;
      }
    }
  }
  return hidden;
}
