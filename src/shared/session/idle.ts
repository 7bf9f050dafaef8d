/**
 * Help before panic: how long a candidate may sit without touching the screen before the screen offers help,
 * and when a quiet spell is long enough to be recorded. The one home of these times: the candidate screens
 * read them, and the `candidate.idle` event carries the long one so the record says what "long" meant.
 */
export interface IdleTimes {
  /** On a voorbeeld, PLAY starts to pulse gently after this long without a touch. */
  playPulseMs: number;
  /** On an opgave, the eye points at "watch again" after this long without a touch. */
  hintEyeMs: number;
  /** Later, the hand joins it: "now you". */
  hintHandMs: number;
  /** A quiet spell this long on an opgave is a journal event and counts in the result's validity flags. */
  longIdleMs: number;
}

export const IDLE_TIMES: IdleTimes = {
  playPulseMs: 6_000,
  hintEyeMs: 20_000,
  hintHandMs: 40_000,
  longIdleMs: 60_000,
};

/**
 * The same steps, a hundred times shorter: only for the tests' pre-console entry (`&idle=short`, read where
 * `&pace=fast` is), so a test sees every step without waiting a minute. Candidates never get it.
 */
export const SHORT_IDLE_TIMES: IdleTimes = {
  playPulseMs: 300,
  hintEyeMs: 600,
  hintHandMs: 1_200,
  longIdleMs: 1_800,
};
