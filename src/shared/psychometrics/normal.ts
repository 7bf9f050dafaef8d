/** The standard normal distribution, for intervals and for Rudner's classification probabilities. */

/** Two-sided 95% and 99% critical values, and the one-sided 5% value the ETS C rule uses. */
export const Z_95 = 1.959963984540054;
export const Z_99 = 2.5758293035489004;
export const Z_ONE_SIDED_95 = 1.6448536269514722;
/** The 5% critical value of chi-square with one degree of freedom (Z_95 squared). */
export const CHI2_1_05 = Z_95 * Z_95;

/**
 * Phi(x). erfc by the Chebyshev fit of Numerical Recipes (erfcc, fractional error below 1.2e-7 everywhere), which is
 * far finer than any probability shown to a gemeente needs.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
