/**
 * How a sitting ended, as columns for the "Afwijkende afnames" view (issue 20, item 1): the abort's reason code,
 * how often it was paused and for which reasons. One home for ingest and for migration 019, which fills the
 * columns of stored rows from their envelopes; it reads only the `timing` part, tolerantly, because older
 * records were signed under the same schema but the migration must never stop on one odd row.
 */
interface EndingColumns {
  abort_reason: string | null;
  pauses: number;
  pause_reasons: string | null;
}

interface TimingLike {
  pauses?: unknown;
  abort?: unknown;
}

export function endingColumns(timing: TimingLike | undefined): EndingColumns {
  const pauses = Array.isArray(timing?.pauses) ? (timing.pauses as unknown[]) : [];
  const reasons = new Set<string>();
  for (const pause of pauses) {
    const reason = (pause as { reason?: unknown } | null)?.reason;
    if (typeof reason === 'string') reasons.add(reason);
  }
  const abort = timing?.abort as { reason?: unknown } | null | undefined;
  return {
    abort_reason: typeof abort?.reason === 'string' ? abort.reason : null,
    pauses: pauses.length,
    // Comma-wrapped so a reason is found with LIKE '%,code,%' and never as part of another code.
    pause_reasons: reasons.size === 0 ? null : `,${[...reasons].sort().join(',')},`,
  };
}
