/**
 * What the afnemer reads in the outbox view when a result has not (yet) been delivered. Every message says
 * that the result is kept: nothing in the outbox is ever deleted before a verified receipt. Codes are listed
 * in docs/RESULTS.md ("Outbox").
 */
export const OutboxMessageCode = {
  unreachable: 'LBT-U01',
  serverError: 'LBT-U02',
  timeout: 'LBT-U03',
  badReceipt: 'LBT-U04',
  conflict: 'LBT-U05',
  refused: 'LBT-U06',
  notEnrolled: 'LBT-U07',
  unreadable: 'LBT-U08',
  busy: 'LBT-U09',
} as const;
export type OutboxMessageCode = (typeof OutboxMessageCode)[keyof typeof OutboxMessageCode];

const KEPT = 'Het resultaat blijft op deze kiosk bewaard';

const texts: Record<OutboxMessageCode, string> = {
  'LBT-U01': `De resultatenservice is niet bereikbaar. ${KEPT} en wordt later vanzelf opnieuw verstuurd.`,
  'LBT-U02': `De resultatenservice gaf een storing. ${KEPT} en wordt later vanzelf opnieuw verstuurd.`,
  'LBT-U03': `De resultatenservice antwoordde niet op tijd. ${KEPT} en wordt later vanzelf opnieuw verstuurd.`,
  'LBT-U04':
    `Het ontvangstbewijs van de resultatenservice klopt niet. ${KEPT} en wordt opnieuw verstuurd. ` +
    'Blijft dit gebeuren, neem dan contact op met de technische ondersteuning.',
  'LBT-U05':
    'De resultatenservice heeft onder dit resultaatnummer al een ander resultaat. ' +
    `${KEPT}. Neem contact op met de technische ondersteuning.`,
  'LBT-U06': `De resultatenservice weigert dit resultaat. ${KEPT}. Neem contact op met de technische ondersteuning.`,
  'LBT-U07':
    `Deze kiosk is nog niet aangemeld bij een resultatenservice. ${KEPT}. ` +
    'Exporteer de resultaten naar een bestand of laat de kiosk aanmelden.',
  'LBT-U08':
    'Het resultaatbestand op deze kiosk is onleesbaar. Neem contact op met de technische ondersteuning.',
  'LBT-U09': `De resultatenservice is tijdelijk overbelast. ${KEPT} en wordt later vanzelf opnieuw verstuurd.`,
};

/** The afnemer's text with its code, optionally with the service's reason (e.g. "apparaat ingetrokken"). */
export function outboxMessage(code: OutboxMessageCode, reason?: string): string {
  const base = texts[code];
  return reason ? `${base} Reden: ${reason}. (code ${code})` : `${base} (code ${code})`;
}

/** Dutch reasons for the service's problem codes that the afnemer can act on or report. */
export const refusalReasons: Partial<Record<string, string>> = {
  'unknown-device': 'deze kiosk is niet aangemeld bij de service',
  'revoked-device': 'deze kiosk is bij de service ingetrokken',
  'unknown-package': 'de service kent het toetspakket van dit resultaat niet',
  'bad-signature': 'de handtekening van het resultaat klopt niet',
  invalid: 'het resultaat heeft niet de verwachte vorm',
  'too-large': 'het resultaat is te groot',
  'demo-result': 'dit is een demonstratie (demo — geen geldige afname); die telt nergens mee',
};
