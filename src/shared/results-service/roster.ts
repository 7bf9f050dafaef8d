import { z } from 'zod';
import { IsoTime, Label } from '../session/event-parts';
import { signedEnvelope } from '../signing';
import { ReferenceForm } from '../afnemer/reference-form';

export const ROSTER_SCHEMA = 'lbt.roster/1';

/** An afnemer's id as the certification body issues it, e.g. `AFN-20417`. */
export const AfnemerId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,5}-?[0-9]{3,8}$/, 'an afnemer id like AFN-20417');
export type AfnemerId = z.infer<typeof AfnemerId>;

/** A PIN as the afnemer types it: 5 or 6 digits. */
export const Pin = z.string().regex(/^[0-9]{5,6}$/, '5 or 6 digits');

/**
 * The PIN verifier: scrypt(PIN, salt) with the parameters given. Never the PIN. A roster is only served to
 * enrolled devices and kept sealed on the kiosk, because a short PIN can be guessed offline from its verifier;
 * the cost parameters make each guess expensive.
 */
export const PinVerifier = z
  .object({
    alg: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(1024)
      .max(1 << 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
    hash: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  })
  .strict();
export type PinVerifier = z.infer<typeof PinVerifier>;

export const RosterEntry = z
  .object({
    afnemerId: AfnemerId,
    name: Label,
    gemeente: Label,
    /** Last day (inclusive, YYYY-MM-DD) the certificate is valid. */
    validUntil: z.iso.date(),
    status: z.enum(['active', 'revoked']),
    pin: PinVerifier,
  })
  .strict();
export type RosterEntry = z.infer<typeof RosterEntry>;

/**
 * The signed roster of certified afnemers for one gemeente, issued by the results service and cached by the
 * kiosk for offline login. `serial` only grows: a kiosk refuses a roster older than the one it holds, so an
 * old copy (with a since-revoked afnemer) cannot be replayed.
 */
export const Roster = z
  .object({
    schema: z.literal(ROSTER_SCHEMA),
    gemeente: Label,
    serial: z.number().int().min(1),
    issuedAt: IsoTime,
    afnemers: z.array(RosterEntry),
    /**
     * The form of the gemeente's candidate references (issue 20, item 6), signed with the rest so the console can
     * trust it offline. Absent when the gemeente has none: the kiosk's own pattern applies. A kiosk older than
     * this field refuses a roster that carries it (the schema is strict), so update kiosks before setting one.
     */
    referenceForm: ReferenceForm.optional(),
  })
  .strict();
export type Roster = z.infer<typeof Roster>;

export const SignedRoster = signedEnvelope(Roster);
export type SignedRoster = z.infer<typeof SignedRoster>;
