import { describe, expect, it } from 'vitest';
import { AfnemerGateConfigError, afnemerGateFromEnv } from '../../../../../src/host/afnemer/gate-mode';

describe('LBT_AFNEMER_GATE', () => {
  it('defaults to the safe gate: every sitting needs a logged-in afnemer', () => {
    expect(afnemerGateFromEnv({})).toBe('always');
    expect(afnemerGateFromEnv({ LBT_AFNEMER_GATE: '' })).toBe('always');
    expect(afnemerGateFromEnv({ LBT_AFNEMER_GATE: 'always' })).toBe('always');
  });

  it('weakens it only when asked for by name (development)', () => {
    expect(afnemerGateFromEnv({ LBT_AFNEMER_GATE: 'when-enrolled' })).toBe('when-enrolled');
  });

  it('refuses an unknown value with a clear error instead of the weaker gate', () => {
    for (const value of ['Always', 'never', 'off', 'when_enrolled']) {
      expect(() => afnemerGateFromEnv({ LBT_AFNEMER_GATE: value }), value).toThrow(AfnemerGateConfigError);
      expect(() => afnemerGateFromEnv({ LBT_AFNEMER_GATE: value }), value).toThrow(
        `LBT_AFNEMER_GATE=${JSON.stringify(value)} is not a gate this host knows`,
      );
    }
  });
});
