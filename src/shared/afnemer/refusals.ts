import { z } from 'zod';
import { kioskDateTime, kioskDay } from './kiosk-time';
import { IsoTime } from '../session/event-parts';

/**
 * Why the console refused an afnemer's login or PIN. These are answers, not errors: the PIN pad shows the
 * Dutch `message`, and the console can act on `code` (e.g. count down to `lockedUntil`).
 */
export const AfnemerRefusalCode = z.enum([
  /** `<dataDir>/service.json` is missing: the kiosk is not enrolled, so no roster can be trusted. */
  'not-enrolled',
  /** service.json exists but cannot be used (not JSON, wrong schema, key id not matching the key). */
  'service-link-invalid',
  /** No roster was fetched yet. */
  'no-roster',
  /** The cached roster does not unseal, is not signed with the pinned key, or is of another gemeente. */
  'roster-invalid',
  'unknown-afnemer',
  /** The PIN does not match; `attemptsLeft` before the id is locked. */
  'wrong-pin',
  /** Too many wrong PINs: the id is locked until `lockedUntil`. */
  'locked',
  /** The certificate's last valid day (`validUntil`) has passed. */
  'expired',
  'revoked',
  /**
   * `lockouts.json` cannot be trusted (unreadable, forged, deleted or an older copy): logins stay refused rather
   * than forget the lockouts it held, until a beheerder resets them (`lbt kiosk reset-lockouts`).
   */
  'lockouts-unreadable',
  /**
   * The afnemer did nothing on the console for the idle timeout (LBT_AFNEMER_IDLE_MINUTES) and was signed out;
   * a PIN action on the running sitting signs them in again, anything else needs the login.
   */
  'signed-out-idle',
  /** A PIN-gated action needs a logged-in afnemer. */
  'not-logged-in',
  /** The sitting belongs to another gemeente than the logged-in afnemer's. */
  'other-gemeente',
]);
export type AfnemerRefusalCode = z.infer<typeof AfnemerRefusalCode>;

export const AfnemerRefusal = z
  .object({
    code: AfnemerRefusalCode,
    /** Dutch, for the afnemer. */
    message: z.string(),
    attemptsLeft: z.number().int().min(0).optional(),
    lockedUntil: IsoTime.optional(),
    /** The certificate's last valid day (YYYY-MM-DD), with `expired`. */
    validUntil: z.iso.date().optional(),
  })
  .strict();
export type AfnemerRefusal = z.infer<typeof AfnemerRefusal>;

/** The Dutch refusals; the ones with a detail take it as an argument. */
export const refusal = {
  notEnrolled: (): AfnemerRefusal => ({
    code: 'not-enrolled',
    message:
      'Deze kiosk is niet gekoppeld aan een resultatenservice, dus de lijst van toetsafnemers kan niet worden ' +
      'gecontroleerd. Laat de kiosk eerst aanmelden (lbt kiosk enroll).',
  }),
  serviceLinkInvalid: (): AfnemerRefusal => ({
    code: 'service-link-invalid',
    message:
      'De koppeling met de resultatenservice op deze kiosk is beschadigd; inloggen is niet mogelijk. ' +
      'Neem contact op met de technische ondersteuning.',
  }),
  noRoster: (): AfnemerRefusal => ({
    code: 'no-roster',
    message:
      'Er staat nog geen lijst van toetsafnemers op deze kiosk. Verbind de kiosk met het netwerk zodat de ' +
      'lijst wordt opgehaald.',
  }),
  rosterInvalid: (): AfnemerRefusal => ({
    code: 'roster-invalid',
    message:
      'De lijst van toetsafnemers op deze kiosk is beschadigd of niet door de resultatenservice ondertekend ' +
      'en wordt niet gebruikt. Verbind de kiosk met het netwerk zodat een nieuwe lijst wordt opgehaald.',
  }),
  unknownAfnemer: (): AfnemerRefusal => ({
    code: 'unknown-afnemer',
    message: 'Dit afnemernummer staat niet op de lijst van toetsafnemers van deze gemeente.',
  }),
  wrongPin: (attemptsLeft: number): AfnemerRefusal => ({
    code: 'wrong-pin',
    attemptsLeft,
    message:
      attemptsLeft === 1
        ? 'Onjuiste pincode. Nog 1 poging; daarna wordt dit afnemernummer tijdelijk geblokkeerd.'
        : `Onjuiste pincode. Nog ${attemptsLeft} pogingen; daarna wordt dit afnemernummer tijdelijk geblokkeerd.`,
  }),
  locked: (lockedUntil: string): AfnemerRefusal => ({
    code: 'locked',
    lockedUntil,
    message: `Te vaak een onjuiste pincode. Dit afnemernummer is geblokkeerd tot ${kioskDateTime(lockedUntil)}.`,
  }),
  expired: (validUntil: string): AfnemerRefusal => ({
    code: 'expired',
    validUntil,
    message: `Het certificaat van deze toetsafnemer is verlopen op ${kioskDay(validUntil)}. Laat het certificaat verlengen.`,
  }),
  revoked: (): AfnemerRefusal => ({
    code: 'revoked',
    message: 'De certificering van deze toetsafnemer is ingetrokken. Inloggen is niet mogelijk.',
  }),
  lockoutsUnreadable: (): AfnemerRefusal => ({
    code: 'lockouts-unreadable',
    message:
      'De kiosk kan de blokkeringen van afnemernummers niet lezen of vertrouwen (het bestand ontbreekt of is ' +
      'gewijzigd); inloggen is daarom niet mogelijk. Laat een beheerder de blokkeringen herstellen.',
  }),
  signedOutIdle: (minutes: number): AfnemerRefusal => ({
    code: 'signed-out-idle',
    message: `U bent afgemeld na ${minutes === 1 ? '1 minuut' : `${minutes} minuten`} zonder activiteit. Log opnieuw in.`,
  }),
  notLoggedIn: (): AfnemerRefusal => ({
    code: 'not-logged-in',
    message: 'Log eerst in als toetsafnemer.',
  }),
  otherGemeente: (): AfnemerRefusal => ({
    code: 'other-gemeente',
    message:
      'Deze sessie hoort bij een andere gemeente; alleen een toetsafnemer van die gemeente kan haar hervatten.',
  }),
};
