/**
 * A probability as a gemeente reads it: "ongeveer 3 op de 4 kandidaten met deze score horen boven de cesuur".
 * Small denominators first, since "3 op de 4" is understood where "0,76" is not; a percentage-like "op de 100"
 * only when no simple fraction is within 0.03.
 */
const DENOMINATORS = [2, 3, 4, 5, 10, 20, 100];

export function fractionOf(p: number): { n: number; d: number } {
  for (const d of DENOMINATORS) {
    const n = Math.round(p * d);
    if (n > 0 && n < d && Math.abs(n / d - p) <= 0.03) return { n, d };
  }
  return { n: Math.min(99, Math.max(1, Math.round(p * 100))), d: 100 };
}

/** The sentence the result sheet and the twijfelzone views show beside a score. */
export function probabilitySentence(p: number): string {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`geen kans: ${p}`);
  if (p > 0.995) return 'vrijwel alle kandidaten met deze score horen boven de cesuur';
  if (p < 0.005) return 'vrijwel geen kandidaat met deze score hoort boven de cesuur';
  const { n, d } = fractionOf(p);
  return `ongeveer ${n} op de ${d} kandidaten met deze score ${n === 1 ? 'hoort' : 'horen'} boven de cesuur`;
}
