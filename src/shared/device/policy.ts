import { z } from 'zod';

/**
 * The device policy of a sitting: the rules the laptop must meet so every candidate works on the same kind of
 * screen (brief point 2: a 15-inch touch laptop at 100% scaling). It lives in the signed test definition; the
 * defaults below are documented in docs/OPERATIONS.md. `block` stops the session; `warn` needs the afnemer's
 * explicit confirmation, and that confirmation goes into the result.
 */
export const Severity = z.enum(['block', 'warn']);
export type Severity = z.infer<typeof Severity>;

const Rule = <T extends z.ZodRawShape>(shape: T) => z.object({ severity: Severity, ...shape }).strict();

export const DevicePolicy = z
  .object({
    /** Recorded with every result so a reviewer knows which rules the device was held to. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0'),
    /** Physical pixels (logical size × scale factor) of the display the kiosk runs on. */
    minResolution: Rule({ width: z.number().int().positive(), height: z.number().int().positive() }),
    /** OS scale factors allowed (1.0 = 100%). Other scales change the size of pictures and buttons. */
    scaleFactors: Rule({ allowed: z.array(z.number().positive().max(8)).min(1) }),
    /** Panel diagonal in inches, measured from EDID (or the OS). */
    diagonalInches: Rule({ min: z.number().positive(), max: z.number().positive() }).refine(
      (rule) => rule.min <= rule.max,
      'min must not exceed max',
    ),
    touch: Rule({ required: z.boolean() }),
    singleDisplay: Rule({ required: z.boolean() }),
    /** Minimum battery charge when the charger is not connected. */
    battery: Rule({ minPercentUnplugged: z.number().int().min(0).max(100) }),
    /** Free disk space where the journal and outbox live. */
    freeDisk: Rule({ minMegabytes: z.number().int().min(0) }),
    /** Whether the app must run under the dedicated kiosk account that build/kiosk/ sets up. */
    kioskAccount: Rule({ required: z.boolean() }),
  })
  .strict();
export type DevicePolicy = z.infer<typeof DevicePolicy>;

export const RuleId = z.enum([
  'minResolution',
  'scaleFactors',
  'diagonalInches',
  'touch',
  'singleDisplay',
  'battery',
  'freeDisk',
  'kioskAccount',
]);
export type RuleId = z.infer<typeof RuleId>;

/** The documented defaults (docs/OPERATIONS.md). Battery, disk and kiosk-account values are product decisions. */
export const DEFAULT_DEVICE_POLICY: DevicePolicy = {
  version: '1.0.0',
  minResolution: { severity: 'block', width: 1920, height: 1080 },
  scaleFactors: { severity: 'block', allowed: [1.0] },
  diagonalInches: { severity: 'block', min: 14.0, max: 16.0 },
  touch: { severity: 'block', required: true },
  singleDisplay: { severity: 'block', required: true },
  battery: { severity: 'warn', minPercentUnplugged: 50 },
  freeDisk: { severity: 'block', minMegabytes: 500 },
  kioskAccount: { severity: 'warn', required: true },
};

/** The policy a test definition asks for: its own `devicePolicy`, or the documented default when it has none. */
export function devicePolicyOf(definition: { devicePolicy?: DevicePolicy | undefined }): DevicePolicy {
  return definition.devicePolicy ?? DEFAULT_DEVICE_POLICY;
}
