import { z } from 'zod';
import { DeviceFacts } from './facts';
import { DevicePolicy, RuleId, Severity } from './policy';

/** One policy rule applied to the facts, with the plain-Dutch explanation the afnemer reads. */
export const RuleOutcome = z
  .object({
    rule: RuleId,
    severity: Severity,
    status: z.enum(['pass', 'warn', 'block']),
    /** What was measured, in Dutch ("1366×768"), or null when it could not be measured. */
    observed: z.string().nullable(),
    explanation: z.string().min(1),
  })
  .strict();
export type RuleOutcome = z.infer<typeof RuleOutcome>;

export const CheckId = z.enum(['touch', 'audio', 'fit']);
export type CheckId = z.infer<typeof CheckId>;

/** An interactive check the afnemer runs on the device (touch targets, a tone, the design canvas). */
export const CheckOutcome = z
  .object({
    status: z.enum(['not-run', 'passed', 'failed']),
    at: z.iso.datetime().nullable(),
    /** What happened, in Dutch, e.g. "4 van 4 doelen met de vinger; 3 muisklikken niet meegeteld". */
    detail: z.string().nullable(),
  })
  .strict();
export type CheckOutcome = z.infer<typeof CheckOutcome>;

export const InteractiveChecks = z
  .object({ touch: CheckOutcome, audio: CheckOutcome, fit: CheckOutcome })
  .strict();
export type InteractiveChecks = z.infer<typeof InteractiveChecks>;

export const NOT_RUN: CheckOutcome = { status: 'not-run', at: null, detail: null };

/** A warn rule the afnemer accepted; it goes into the result so a reviewer sees the deviation. */
export const Override = z
  .object({
    rule: RuleId,
    /** Name or code of the afnemer who confirmed. */
    confirmedBy: z.string().trim().min(1).max(120),
    confirmedAt: z.iso.datetime(),
    /** The warning exactly as the afnemer saw it. */
    explanation: z.string().min(1),
  })
  .strict();
export type Override = z.infer<typeof Override>;

/** What `device.check` answers: the merged facts and every rule's outcome under the policy in force. */
export const DeviceCheckReport = z
  .object({
    policy: DevicePolicy,
    facts: DeviceFacts,
    rules: z.array(RuleOutcome),
    requiredChecks: z.array(CheckId),
  })
  .strict();
export type DeviceCheckReport = z.infer<typeof DeviceCheckReport>;

/**
 * The device part of the afnamecondities, recorded with every result: the facts, the rule and check
 * outcomes, the policy (and its version) they were judged by, and each warning the afnemer accepted.
 */
export const DeviceConditions = z
  .object({
    schema: z.literal('lbt.device-conditions/1'),
    policyVersion: z.string(),
    policy: DevicePolicy,
    facts: DeviceFacts,
    rules: z.array(RuleOutcome),
    checks: InteractiveChecks,
    overrides: z.array(Override),
    recordedAt: z.iso.datetime(),
  })
  .strict();
export type DeviceConditions = z.infer<typeof DeviceConditions>;
