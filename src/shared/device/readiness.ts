import type { CheckId, InteractiveChecks, RuleOutcome } from './outcomes';
import type { DevicePolicy, RuleId } from './policy';

export interface Readiness {
  canStart: boolean;
  /** Why the session cannot start yet, in Dutch, one line per reason. */
  reasons: string[];
  /** Warn outcomes the afnemer still has to confirm. */
  unconfirmed: RuleId[];
}

const CHECK_LABEL: Record<CheckId, string> = {
  touch: 'de aanraaktest',
  audio: 'de geluidstest',
  fit: 'de schermpassingstest',
};

/** The touch test only matters where the policy requires a touchscreen; sound and fit always matter. */
export function requiredChecks(policy: DevicePolicy): CheckId[] {
  return policy.touch.required ? ['touch', 'audio', 'fit'] : ['audio', 'fit'];
}

/**
 * Whether a session may start: no failing block rule, every warning confirmed by the afnemer, and every
 * required interactive check passed. Shared by the console (to enable "Sessie starten") and the host (to
 * refuse a record that does not meet it), so the two cannot disagree.
 */
export function deviceReadiness(
  rules: RuleOutcome[],
  checks: InteractiveChecks,
  required: CheckId[],
  confirmed: ReadonlySet<RuleId>,
): Readiness {
  const reasons: string[] = [];
  for (const rule of rules) if (rule.status === 'block') reasons.push(rule.explanation);
  const unconfirmed = rules
    .filter((rule) => rule.status === 'warn' && !confirmed.has(rule.rule))
    .map((r) => r.rule);
  if (unconfirmed.length > 0)
    reasons.push(
      `Bevestig eerst ${unconfirmed.length === 1 ? 'de waarschuwing' : `${unconfirmed.length} waarschuwingen`}.`,
    );
  for (const check of required) {
    const status = checks[check].status;
    if (status === 'not-run') reasons.push(`Doe eerst ${CHECK_LABEL[check]}.`);
    if (status === 'failed')
      reasons.push(`${CHECK_LABEL[check][0]!.toUpperCase()}${CHECK_LABEL[check].slice(1)} is niet gelukt.`);
  }
  return { canStart: reasons.length === 0, reasons, unconfirmed };
}
