import { z } from 'zod';
import { ReviewRole } from './auth';

/**
 * The audit log (issue 20, item 3): every read of an individual result, every export and every change, with who,
 * what, when and why. Append-only and hash-chained: each entry's `hash` is sha256 of the previous entry's hash, a
 * newline and the canonical JSON (RFC 8785) of the entry's own fields (`auditEntryBody`), so an altered, removed or
 * inserted entry breaks the chain (`lbt audit verify`).
 */
export const AuditAction = z.enum([
  'result.read',
  'result.list',
  'export',
  'leerroute.record',
  'user.disable',
  'user.delete',
  'user.reset-password',
  'user.revoke-sessions',
  'user.create',
  'user.change-password',
  'afnemer.save',
  'afnemer.renew',
  'afnemer.revoke',
  'device.enrollment-code',
  'device.revoke',
  'reference-form.set',
  'reference-form.clear',
  'calibration.run',
  'audit.read',
  'audit.export',
  'retention.set',
  'retention.run',
  'subject.export',
  'subject.erase',
  'national.read',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** Why it happened: a fixed code, so the log can be filtered and no free text carries personal data. */
export const AuditWhy = z.enum([
  'beoordeling',
  'leerroute',
  'rapportage',
  'gebruikersbeheer',
  'privacytoezicht',
  'bewaartermijn',
  'inzageverzoek',
  'verwijderverzoek',
  'landelijke-analyse',
  'referentievorm',
  'kalibratie',
  'apparaatbeheer',
]);
export type AuditWhy = z.infer<typeof AuditWhy>;

export const AUDIT_WHY_LABELS: Record<AuditWhy, string> = {
  beoordeling: 'Beoordeling van een uitslag',
  leerroute: 'Leerroute vastleggen',
  rapportage: 'Rapportage en export',
  gebruikersbeheer: 'Beheer van accounts',
  privacytoezicht: 'Toezicht door de privacyfunctionaris',
  bewaartermijn: 'Bewaartermijn',
  inzageverzoek: 'Inzageverzoek van de betrokkene',
  verwijderverzoek: 'Verwijderverzoek van de betrokkene',
  'landelijke-analyse': 'Landelijke analyse (alleen totalen)',
  referentievorm: 'Vorm van de kandidaatreferentie',
  kalibratie: 'Kalibratie van de toets',
  apparaatbeheer: 'Beheer van kiosks',
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'result.read': 'Uitslag ingezien',
  'result.list': 'Uitslagen gezocht',
  export: 'Export gedownload',
  'leerroute.record': 'Leerroute vastgelegd',
  'user.disable': 'Account geblokkeerd',
  'user.delete': 'Account verwijderd',
  'user.reset-password': 'Wachtwoord opnieuw ingesteld',
  'user.revoke-sessions': 'Sessies beëindigd',
  'user.create': 'Account aangemaakt',
  'user.change-password': 'Eigen wachtwoord gewijzigd',
  'afnemer.save': 'Afnemer toegevoegd of gewijzigd',
  'afnemer.renew': 'Afnemer verlengd',
  'afnemer.revoke': 'Afnemer ingetrokken',
  'device.enrollment-code': 'Aanmeldcode voor een kiosk uitgegeven',
  'device.revoke': 'Kiosk ingetrokken',
  'reference-form.set': 'Vorm van de kandidaatreferentie ingesteld',
  'reference-form.clear': 'Vorm van de kandidaatreferentie verwijderd',
  'calibration.run': 'Kalibratie uitgevoerd en opgeslagen',
  'audit.read': 'Auditlog ingezien',
  'audit.export': 'Auditlog geëxporteerd',
  'retention.set': 'Bewaartermijn ingesteld',
  'retention.run': 'Bewaartermijn toegepast',
  'subject.export': 'Gegevens van een kandidaat geëxporteerd',
  'subject.erase': 'Gegevens van een kandidaat gewist',
  'national.read': 'Landelijk beeld ingezien',
};

/** What the chain hashes: every field but the hashes themselves. */
export const AuditEntryBody = z
  .object({
    seq: z.number().int().min(1),
    at: z.iso.datetime(),
    /** The review username, or `lbt` for the CLI and `service` for the service's own timer. */
    actor: z.string().min(1).max(64),
    /** The actor's role (`system` for the CLI and the timer). */
    role: z.union([ReviewRole, z.literal('system')]),
    /** The gemeente whose data it concerns; null for something across gemeenten. */
    gemeente: z.string().nullable(),
    action: AuditAction,
    why: AuditWhy,
    /** What it concerns: a result id, a username, an export file; null when nothing in particular. */
    subject: z.string().nullable(),
    /** The candidate reference the entry concerns, so a data-subject request finds it; never a name. */
    candidateRef: z.string().nullable(),
    /** A few facts (counts, the export's filters); never a score or a free text. */
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .strict();
export type AuditEntryBody = z.infer<typeof AuditEntryBody>;

export const AuditEntry = AuditEntryBody.extend({
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
}).strict();
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The hash before the first entry. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** `GET /v1/review/audit`: the privacy officer's view, newest first, paged. */
export const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export const AuditLogResponse = z
  .object({ total: z.number().int().min(0), entries: z.array(AuditEntry) })
  .strict();
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;
