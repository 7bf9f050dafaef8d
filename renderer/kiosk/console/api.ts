import type { AfnemerRefusal, SittingOverview } from '../../../src/shared/afnemer';
import type { CallResult } from '../../../src/shared/contract';
import { IDLE_TIMES, SHORT_IDLE_TIMES, type IdleTimes } from '../../../src/shared/session/idle';

/** A console call's answer as the screens use it: the value, or one Dutch sentence (and the refusal, if any). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; refusal?: AfnemerRefusal };

type Answer<T> = { outcome: 'ok' } & T;
type Refused = { outcome: 'refused'; refusal: AfnemerRefusal };

/** Folds a contract call that may also answer "refused" (a wrong PIN, a lock) into one outcome. */
export async function outcomeOf<T extends object>(
  call: Promise<CallResult<Answer<T> | Refused>>,
): Promise<Outcome<Answer<T>>> {
  const result = await call;
  if (!result.ok) return { ok: false, message: result.error.message };
  if (result.value.outcome === 'refused')
    return { ok: false, message: result.value.refusal.message, refusal: result.value.refusal };
  return { ok: true, value: result.value as Answer<T> };
}

/** A PIN-checked action on the sitting: the overview afterwards, or the reason it was refused. */
export async function sittingAction(
  call: Promise<CallResult<{ outcome: 'ok'; sitting: SittingOverview } | Refused>>,
): Promise<Outcome<SittingOverview>> {
  const outcome = await outcomeOf(call);
  return outcome.ok ? { ok: true, value: outcome.value.sitting } : outcome;
}

/** `?pace=fast` (tests only, as on the pre-console candidate entry): demonstrations run quickly. */
export function paceFromUrl(): 'fast' | 'normal' {
  return new URLSearchParams(window.location.search).get('pace') === 'fast' ? 'fast' : 'normal';
}

/** `?idle=short` (tests only, like `pace`): the help for a quiet candidate comes a hundred times sooner. */
export function idleFromUrl(): IdleTimes {
  return new URLSearchParams(window.location.search).get('idle') === 'short' ? SHORT_IDLE_TIMES : IDLE_TIMES;
}
