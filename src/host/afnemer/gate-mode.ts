/**
 * LBT_AFNEMER_GATE, read once at start through the host's config schema (src/shared/config/host.ts). The safe
 * gate is the default: every sitting needs a logged-in afnemer and pause, abort and close need a PIN.
 * `when-enrolled` (no gate until the kiosk is enrolled) exists only for development and the pre-console tests,
 * and must be asked for by name; anything else stops the host with an error, never silently weakening the gate.
 */
import { AfnemerGateEnv } from '../../shared/config';
import { formatIssues } from '../../shared/json';
import type { AfnemerGateMode } from './console-api';

export class AfnemerGateConfigError extends Error {
  override name = 'AfnemerGateConfigError';
}

export function afnemerGateFromEnv(env: Record<string, string | undefined>): AfnemerGateMode {
  const parsed = AfnemerGateEnv.safeParse(env.LBT_AFNEMER_GATE);
  if (!parsed.success) throw new AfnemerGateConfigError(formatIssues(parsed.error));
  return parsed.data;
}
