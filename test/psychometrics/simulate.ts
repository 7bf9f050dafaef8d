import { Rng } from '../faults/rng';

/** Seeded draws for the simulation suite: the fault suites' mulberry32, with normals by Box-Muller. */
export class SimulationRng extends Rng {
  private spare: number | null = null;
  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + sd * z;
    }
    const u = 1 - this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return mean + sd * radius * Math.cos(2 * Math.PI * v);
  }
}

/**
 * Responses of persons with abilities `thetas` to items with difficulties `difficulties` under the Rasch model;
 * `shift(person, item)` adds to an item's difficulty for one person (uniform DIF against a focal group).
 */
export function simulateResponses(
  rng: Rng,
  thetas: readonly number[],
  difficulties: readonly number[],
  shift: (person: number, item: number) => number = () => 0,
): number[][] {
  return thetas.map((theta, v) =>
    difficulties.map((b, i) => (rng.next() < 1 / (1 + Math.exp(b + shift(v, i) - theta)) ? 1 : 0)),
  );
}
