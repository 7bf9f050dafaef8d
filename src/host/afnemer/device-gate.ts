/**
 * Whether the device check allows a sitting now. The device service keeps its last report to itself, so the
 * console wraps it: every `check` the page runs passes through here and its report is remembered (in memory, like
 * the device service's own confirmation: after a restart the check must be rerun).
 */
import type { DeviceGate } from '../../shared/afnemer';
import type { DeviceCheckReport } from '../../shared/device';
import type { DeviceService } from '../device';

export interface TrackedDevice extends DeviceService {
  lastReport(): DeviceCheckReport | null;
}

export function trackDevice(device: DeviceService): TrackedDevice {
  let last: DeviceCheckReport | null = null;
  return {
    async check(page) {
      const report = await device.check(page);
      last = report;
      return report;
    },
    confirm: (request) => device.confirm(request),
    watch: (page) => device.watch(page),
    current: () => device.current(),
    invalidate() {
      last = null;
      device.invalidate();
    },
    lastReport: () => last,
  };
}

export function deviceGateOf(device: TrackedDevice): DeviceGate {
  const report = device.lastReport();
  if (!report) {
    return {
      state: 'not-checked',
      blocked: [],
      checkedAt: null,
      message: 'Doe eerst de apparaatcontrole.',
    };
  }
  const blocked = report.rules
    .filter((r) => r.status === 'block')
    .map((r) => ({ rule: r.rule, explanation: r.explanation }));
  const checkedAt = report.facts.collectedAt;
  if (blocked.length > 0) {
    return {
      state: 'blocked',
      blocked,
      checkedAt,
      message: `Dit apparaat voldoet niet; een sessie kan niet beginnen: ${blocked.map((b) => b.explanation).join(' ')}`,
    };
  }
  const confirmed = device.current();
  // A confirmation of an earlier check does not cover a newer report (a display may have been added since).
  if (!confirmed || confirmed.facts.collectedAt !== checkedAt) {
    return {
      state: 'unconfirmed',
      blocked: [],
      checkedAt,
      message: 'Rond de apparaatcontrole af (tests doen en waarschuwingen bevestigen).',
    };
  }
  return { state: 'ready', blocked: [], checkedAt, message: null };
}
