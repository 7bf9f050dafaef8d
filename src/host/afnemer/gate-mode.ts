/**
 * LBT_AFNEMER_GATE, read once at start. The safe gate is the default: every sitting needs a logged-in afnemer
 * and pause, abort and close need a PIN. `when-enrolled` (no gate until the kiosk is enrolled) exists only for
 * development and the pre-console tests, and must be asked for by name; anything else stops the host with an
 * error, never silently weakening the gate.
 */
import { z } from 'zod';
import type { AfnemerGateMode } from './console-api';

const GateEnv = z.enum(['always', 'when-enrolled']);

export class AfnemerGateConfigError extends Error {
  override name = 'AfnemerGateConfigError';
}

export function afnemerGateFromEnv(env: NodeJS.ProcessEnv = process.env): AfnemerGateMode {
  const raw = env.LBT_AFNEMER_GATE;
  if (raw === undefined || raw === '') return 'always';
  const parsed = GateEnv.safeParse(raw);
  if (!parsed.success) {
    throw new AfnemerGateConfigError(
      `LBT_AFNEMER_GATE=${JSON.stringify(raw)} is not a gate this host knows. Use "always" (the default: ` +
        'every sitting needs a logged-in afnemer) or, for development only, "when-enrolled" (no afnemer ' +
        'needed until the kiosk is enrolled).',
    );
  }
  return parsed.data;
}
