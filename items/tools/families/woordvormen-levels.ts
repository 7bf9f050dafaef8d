import type { ObjectName } from '../lib/objects';

/** The woordvormen items as data: per level the rule, the voorbeeld, the opgave and why it is harder. */
export type Size = 'normal' | 'small' | 'big';
export type Form = [ObjectName, 1 | 2 | 3, Size?];
type Said = [Form, string];
export interface Half {
  context: Said[];
  /** The form asked for, with its word. */
  ask: Said;
  /** choose: the picture options; place: the candidate words (sound buttons), including the right one. */
  options: Form[] | string[];
}
interface Level {
  rule: string;
  /** The rule of the model (items/tools/rules/woordvormen.ts) the item is built to test. */
  intended: string;
  voorbeeld: Half;
  opgave: Half;
  harder: string;
}

export const LEVELS: Level[] = [
  {
    rule: 'Twee dingen: het woord krijgt -ki achteraan (sape, sapeki).',
    intended: 'twee: -ki achteraan',
    voorbeeld: {
      context: [
        [['ball', 1], 'sape'],
        [['ball', 2], 'sapeki'],
        [['cup', 1], 'lomu'],
      ],
      ask: [['cup', 2], 'lomuki'],
      options: [
        ['cup', 1],
        ['cup', 2],
        ['ball', 1],
      ],
    },
    opgave: {
      context: [[['hat', 1], 'nivo']],
      ask: [['hat', 2], 'nivoki'],
      options: [
        ['hat', 1],
        ['hat', 2],
        ['boat', 2],
      ],
    },
    harder: 'Eerste item: een achtervoegsel, drie keuzes (ook een ander ding in tweevoud).',
  },
  {
    rule: 'Twee dingen: het hele woord wordt herhaald (davi, davidavi).',
    intended: 'twee: heel woord herhaald',
    voorbeeld: {
      context: [
        [['tree', 1], 'davi'],
        [['tree', 2], 'davidavi'],
        [['key', 1], 'mefo'],
      ],
      ask: [['key', 2], 'mefomefo'],
      options: [
        ['key', 1],
        ['key', 2],
        ['tree', 2],
      ],
    },
    opgave: {
      context: [[['shoe', 1], 'kobi']],
      ask: [['shoe', 2], 'kobikobi'],
      options: [
        ['shoe', 1],
        ['shoe', 2],
        ['boat', 2],
      ],
    },
    harder: 'Drie keuzes: ook een ander ding in tweevoud, dus de stam moet herkend worden.',
  },
  {
    rule: 'Twee dingen: da- komt vooraan (rubo, darubo); sleep het plaatje naar de goede klank.',
    intended: 'twee: da- vooraan',
    voorbeeld: {
      context: [
        [['lamp', 1], 'rubo'],
        [['lamp', 2], 'darubo'],
        [['flower', 1], 'pime'],
      ],
      ask: [['flower', 2], 'dapime'],
      options: ['pime', 'dapime', 'pimeda'],
    },
    opgave: {
      context: [[['bucket', 1], 'melu']],
      ask: [['bucket', 2], 'damelu'],
      options: ['melu', 'meluda', 'damelu'],
    },
    harder:
      'Zelf de woordvorm kiezen uit drie klanken (slepen) in plaats van een plaatje aanwijzen; een afleider zet da- achteraan.',
  },
  {
    rule: 'Twee dingen: -ne achteraan; drie dingen: -vu achteraan (lafo, lafone, lafovu).',
    intended: 'drie: -vu achteraan; twee: -ne achteraan',
    voorbeeld: {
      context: [
        [['kite', 1], 'lafo'],
        [['kite', 2], 'lafone'],
        [['kite', 3], 'lafovu'],
        [['car', 1], 'tibe'],
      ],
      ask: [['car', 3], 'tibevu'],
      options: [
        ['car', 1],
        ['car', 2],
        ['car', 3],
        ['kite', 3],
      ],
    },
    opgave: {
      context: [[['umbrella', 1], 'somu']],
      ask: [['umbrella', 2], 'somune'],
      options: [
        ['umbrella', 3],
        ['umbrella', 1],
        ['umbrella', 2],
        ['glasses', 2],
      ],
    },
    harder: 'Twee regels tegelijk (twee en drie hebben elk een eigen achtervoegsel), vier keuzes.',
  },
  {
    rule: 'Twee dingen: de laatste klinker wordt i (fona, foni).',
    intended: 'twee: laatste klinker wordt i',
    voorbeeld: {
      context: [
        [['tent', 1], 'fona'],
        [['tent', 2], 'foni'],
        [['leaf', 1], 'bema'],
      ],
      ask: [['leaf', 2], 'bemi'],
      options: ['bema', 'bemi', 'bemaki', 'bibema'],
    },
    opgave: {
      context: [[['ladder', 1], 'kuta']],
      ask: [['ladder', 2], 'kuti'],
      options: ['kuta', 'kuti', 'kutaki', 'kikuta'],
    },
    harder: 'De regel verandert een klank binnen het woord (geen stuk erbij); vier klanken om uit te kiezen.',
  },
  {
    rule: 'Twee dingen: de eerste lettergreep wordt herhaald (lemo, lelemo).',
    intended: 'twee: eerste lettergreep herhaald',
    voorbeeld: {
      context: [
        [['bag', 1], 'lemo'],
        [['bag', 2], 'lelemo'],
        [['bottle', 1], 'fisa'],
      ],
      ask: [['bottle', 2], 'fifisa'],
      options: [
        ['bottle', 1],
        ['bottle', 2],
        ['bag', 2],
        ['bag', 1],
      ],
    },
    opgave: {
      context: [
        [['table', 1], 'nodu'],
        [['glasses', 1], 'rike'],
      ],
      ask: [['glasses', 2], 'ririke'],
      options: [
        ['table', 2],
        ['glasses', 1],
        ['glasses', 2],
        ['table', 1],
      ],
    },
    harder:
      'Alleen een deel wordt herhaald, en in de opgave staan twee nieuwe woorden: eerst de stam vinden.',
  },
  {
    rule: 'Twee dingen: ta- vooraan; groot: -lo achteraan; beide samen (kebu, kebulo, takebu, takebulo).',
    intended: 'groot: -lo achteraan; twee: ta- vooraan; aantal eerst',
    voorbeeld: {
      context: [
        [['sun', 1, 'small'], 'kebu'],
        [['sun', 1, 'big'], 'kebulo'],
        [['sun', 2, 'small'], 'takebu'],
      ],
      ask: [['sun', 2, 'big'], 'takebulo'],
      options: [
        ['sun', 1, 'small'],
        ['sun', 1, 'big'],
        ['sun', 2, 'small'],
        ['sun', 2, 'big'],
      ],
    },
    opgave: {
      context: [[['cup', 1, 'small'], 'vimo']],
      ask: [['cup', 2, 'big'], 'tavimolo'],
      options: [
        ['cup', 2, 'small'],
        ['cup', 1, 'big'],
        ['cup', 2, 'big'],
        ['ball', 2, 'big'],
        ['cup', 1, 'small'],
      ],
    },
    harder:
      'Twee regels (aantal en grootte) tegelijk toepassen op een woord dat maar in een vorm gegeven is; vijf keuzes.',
  },
  {
    rule: 'Twee dingen: herhalen; groot: -pe achteraan; beide samen (savo, savosavo, savope, savosavope).',
    intended: 'groot: -pe achteraan; twee: heel woord herhaald; aantal eerst',
    voorbeeld: {
      context: [
        [['fish', 1, 'small'], 'savo'],
        [['fish', 2, 'small'], 'savosavo'],
        [['fish', 1, 'big'], 'savope'],
      ],
      ask: [['fish', 2, 'big'], 'savosavope'],
      options: ['savope', 'savosavope', 'savosavo', 'pesavosavo', 'savo'],
    },
    opgave: {
      context: [[['key', 1, 'small'], 'nepu']],
      ask: [['key', 2, 'big'], 'nepunepupe'],
      options: ['nepu', 'nepunepu', 'nepupe', 'nepunepupe', 'penepunepu'],
    },
    harder: 'Twee regels samen en de vorm zelf samenstellen uit vijf klanken die op elkaar lijken (slepen).',
  },
];
