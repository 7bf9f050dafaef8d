/**
 * What the afnemer is told when the result record cannot be stored. The session is then NOT closed: every
 * answer is still in the journal and closing again, once the cause is fixed, writes the record.
 * Codes are listed in docs/RESULTS.md.
 */
export const ResultMessageCode = {
  diskFull: 'LBT-R01',
  readOnly: 'LBT-R02',
  ioError: 'LBT-R03',
} as const;
export type ResultMessageCode = (typeof ResultMessageCode)[keyof typeof ResultMessageCode];

export const resultMessages: Record<ResultMessageCode, string> = {
  'LBT-R01':
    'Het resultaat kon niet worden opgeslagen: de schijf is vol. De sessie is nog niet gesloten en alle ' +
    'antwoorden zijn bewaard. Maak ruimte vrij en sluit de sessie opnieuw.',
  'LBT-R02':
    'Het resultaat kon niet worden opgeslagen: de opslag is alleen-lezen. De sessie is nog niet gesloten en ' +
    'alle antwoorden zijn bewaard. Neem contact op met de technische ondersteuning en sluit de sessie daarna opnieuw.',
  'LBT-R03':
    'Het resultaat kon niet worden opgeslagen door een schrijffout. De sessie is nog niet gesloten en alle ' +
    'antwoorden zijn bewaard. Probeer de sessie opnieuw te sluiten; blijft de fout, neem dan contact op met de ' +
    'technische ondersteuning.',
};

export function resultMessage(code: ResultMessageCode): string {
  return `${resultMessages[code]} (code ${code})`;
}
