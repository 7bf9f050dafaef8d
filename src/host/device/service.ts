import {
  deviceReadiness,
  evaluateDevicePolicy,
  mergeDeviceFacts,
  requiredChecks,
  type DeviceCheckReport,
  type DeviceConditions,
  type DeviceConfirmRequest,
  type DevicePolicy,
  type DisplayFacts,
  type HostFacts,
  type PageFacts,
  type RuleId,
  type RuleOutcome,
  type DeviceFacts,
} from '../../shared/device';
import type { ShellKind } from '../../shared/contract';
import { Rejected } from '../router';
import { DeviceFactsFileError } from './collect';

export interface DeviceServiceOptions {
  shell: ShellKind;
  appVersion: string;
  /** The policy of the loaded test definition, or the documented default. */
  policy: () => DevicePolicy;
  hostFacts: () => Promise<HostFacts>;
  /** Electron's screen API; absent in the Chromium host. */
  shellDisplays?: () => DisplayFacts[];
  now?: () => Date;
}

export interface DeviceService {
  check(page: PageFacts | null): Promise<DeviceCheckReport>;
  confirm(request: DeviceConfirmRequest): DeviceConditions;
  /**
   * Measures again during a sitting (the display watch): the same merge and the same policy as `check`, but
   * neither the last report nor the confirmation changes, so the conditions the sitting started on stay known.
   */
  watch(page: PageFacts | null): Promise<{ facts: DeviceFacts; rules: RuleOutcome[] }>;
  /** The device conditions the afnemer last confirmed; the session service copies them into the result. */
  current(): DeviceConditions | null;
  /** Forget the confirmation, e.g. when a display was added or removed: the check must be run again. */
  invalidate(): void;
}

export function createDeviceService(options: DeviceServiceOptions): DeviceService {
  const now = options.now ?? (() => new Date());
  let lastReport: DeviceCheckReport | null = null;
  let confirmed: DeviceConditions | null = null;

  const measure = async (page: PageFacts | null): Promise<DeviceCheckReport> => {
    let host: HostFacts;
    try {
      host = await options.hostFacts();
    } catch (error) {
      if (error instanceof DeviceFactsFileError) throw new Rejected(error.message);
      throw error;
    }
    const policy = options.policy();
    const facts = mergeDeviceFacts(page, host, {
      shell: options.shell,
      appVersion: options.appVersion,
      collectedAt: now().toISOString(),
      shellDisplays: options.shellDisplays?.(),
    });
    return {
      policy,
      facts,
      rules: evaluateDevicePolicy(policy, facts),
      requiredChecks: requiredChecks(policy),
    };
  };

  return {
    async check(page) {
      lastReport = await measure(page);
      return lastReport;
    },

    async watch(page) {
      const { facts, rules } = await measure(page);
      return { facts, rules };
    },

    confirm(request) {
      const report = lastReport;
      if (!report) throw new Rejected('Doe eerst de apparaatcontrole.');
      const warned = new Map(report.rules.filter((r) => r.status === 'warn').map((r) => [r.rule, r]));
      const stray = request.confirmations.filter((c) => !warned.has(c.rule)).map((c) => c.rule);
      if (stray.length > 0)
        throw new Rejected(`Alleen waarschuwingen kunnen worden bevestigd, niet: ${stray.join(', ')}.`);
      const accepted = new Set<RuleId>(request.confirmations.map((c) => c.rule));
      const readiness = deviceReadiness(report.rules, request.checks, report.requiredChecks, accepted);
      if (!readiness.canStart)
        throw new Rejected(`De sessie kan niet starten: ${readiness.reasons.join(' ')}`);
      const at = now().toISOString();
      confirmed = {
        schema: 'lbt.device-conditions/1',
        policyVersion: report.policy.version,
        policy: report.policy,
        facts: report.facts,
        rules: report.rules,
        checks: request.checks,
        overrides: request.confirmations.map((c) => ({
          rule: c.rule,
          confirmedBy: c.confirmedBy,
          confirmedAt: at,
          explanation: warned.get(c.rule)!.explanation,
        })),
        recordedAt: at,
      };
      return confirmed;
    },

    current: () => confirmed,
    invalidate() {
      confirmed = null;
      lastReport = null;
    },
  };
}
