/**
 * What the afnemer is told about the journal, in Dutch, each with a stable code that support can look up in
 * docs/JOURNAL.md. Kept in src/shared so the console can show the same words the host logs.
 */
export const JournalMessageCode = {
  diskFull: 'LBT-J01',
  readOnly: 'LBT-J02',
  ioError: 'LBT-J03',
  tornTail: 'LBT-J10',
  refused: 'LBT-J11',
  wrongKey: 'LBT-J12',
  tampered: 'LBT-J13',
} as const;
export type JournalMessageCode = (typeof JournalMessageCode)[keyof typeof JournalMessageCode];

export const journalMessages: Record<JournalMessageCode, string> = {
  'LBT-J01':
    'De schijf is vol. De laatste handeling is niet opgeslagen; alle eerdere antwoorden zijn bewaard. ' +
    'Maak ruimte vrij of neem contact op met de technische ondersteuning. Daarna kan de sessie verder.',
  'LBT-J02':
    'De opslag is alleen-lezen. De laatste handeling is niet opgeslagen; alle eerdere antwoorden zijn bewaard. ' +
    'Neem contact op met de technische ondersteuning. Daarna kan de sessie verder.',
  'LBT-J03':
    'Schrijffout op de schijf. De laatste handeling is niet opgeslagen; alle eerdere antwoorden zijn bewaard. ' +
    'Probeer het opnieuw; blijft de fout, neem dan contact op met de technische ondersteuning.',
  'LBT-J10':
    'Bij het herstarten was de laatste opslag onvolledig (stroom of programma viel uit tijdens het opslaan). ' +
    'Die ene onvolledige handeling is verwijderd; alle bevestigde antwoorden zijn bewaard.',
  'LBT-J11':
    'Het sessiebestand is beschadigd en wordt niet gebruikt. Het bestand is onaangeroerd bewaard voor onderzoek. ' +
    'Neem contact op met de technische ondersteuning.',
  'LBT-J12':
    'Het sessiebestand kan met de sleutel van dit apparaat niet worden geopend. Het bestand is onaangeroerd ' +
    'bewaard. Neem contact op met de technische ondersteuning.',
  'LBT-J13':
    'Het sessiebestand is na het opslaan gewijzigd of teruggezet: bevestigde antwoorden ontbreken of kloppen ' +
    'niet meer. Deze sessie wordt niet hervat en het voorval is vastgelegd. Het bestand is onaangeroerd bewaard ' +
    'voor onderzoek. Neem contact op met de technische ondersteuning.',
};

/** The afnemer's text with its code appended, e.g. "De schijf is vol. … (code LBT-J01)". */
export function journalMessage(code: JournalMessageCode): string {
  return `${journalMessages[code]} (code ${code})`;
}
