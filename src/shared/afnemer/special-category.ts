/**
 * A simple check for free text that looks like health data (issue 20, item 7): the leerroute's explanation and
 * the afnemer's "andere regeling". It warns before saving and never blocks: a word list cannot know what is
 * meant ("hart" in "hartelijk" is skipped, but "ziek" in "ziekmelding van de docent" is not), and the person
 * writing decides. The structured reason list comes first; the free text only explains the choice.
 *
 * The list (documented in docs/PRIVACY.md, "Free text"): Dutch word stems for illnesses, conditions, care and
 * medicine that consulenten and afnemers are likely to write. A word matches when it starts with a stem, so
 * "depressief" and "depressie" both match `depressi`. Lower case, without accents.
 */
const MEDICAL_STEMS = [
  'ziek',
  'medisch',
  'medicijn',
  'medicatie',
  'dokter',
  'huisarts',
  'arts',
  'specialist',
  'psycholo',
  'psychiat',
  'psychisch',
  'psychose',
  'ggz',
  'therap',
  'diagnos',
  'depressi',
  'trauma',
  'ptss',
  'angststoornis',
  'paniekaanval',
  'burn-out',
  'burnout',
  'dementie',
  'alzheimer',
  'dyslex',
  'adhd',
  'autis',
  'epilep',
  'diabet',
  'zwanger',
  'kanker',
  'hiv',
  'hartaanval',
  'hartziekte',
  'beroerte',
  'handicap',
  'beperking',
  'slechtziend',
  'slechthorend',
  'blind',
  'doof',
  'verslav',
  'operatie',
  'revalid',
  'ziekenhuis',
  'migraine',
  'hersen',
  'gehandicapt',
  'lvb',
  'iq',
] as const;

/** Words of the text that look medical, as written (first occurrence each), in order. */
export function medicalWords(text: string): string[] {
  const found: string[] = [];
  for (const word of text.split(/[^\p{L}\p{N}-]+/u)) {
    if (word === '') continue;
    const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // Short stems (iq, lvb, hiv, ggz) only as the whole word: "liquide" is no IQ.
    const hit = MEDICAL_STEMS.some((stem) => (stem.length <= 3 ? plain === stem : plain.startsWith(stem)));
    if (hit && !found.includes(word)) found.push(word);
  }
  return found;
}

/** The warning shown under every free-text field about a person, before anything is typed; one or two lines. */
export const SPECIAL_CATEGORY_WARNING =
  'Schrijf geen medische of andere bijzondere persoonsgegevens (gezondheid, godsdienst, afkomst).';

/** The Dutch warning for the words found, or null when none look medical; it takes the standing warning's place. */
export function medicalWarning(text: string): string | null {
  const words = medicalWords(text);
  if (words.length === 0) return null;
  const list = words.map((w) => `"${w}"`).join(', ');
  return `Let op: ${list} ${words.length === 1 ? 'lijkt' : 'lijken'} medisch. Laat dat weg als het niet nodig is; opslaan kan wel.`;
}
