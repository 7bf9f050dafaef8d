import type { Scene } from '../../../src/shared/items/index';
import { type BuiltItem, claimWord, makeItem, objectVisual, shuffle } from '../lib/kit';
import type { ObjectName } from '../lib/objects';
import type { Registry } from '../lib/registry';
import { wordAudio } from '../lib/words';

/**
 * Woorden leren: pictures are paired with invented spoken words; then one word sounds and the candidate taps its
 * picture. Harder = more pairs to hold, more options (unpaired distractors), words that sound more alike.
 */
interface Half {
  pairs: Array<[ObjectName, string]>;
  /** Index into `pairs` of the word that is asked. */
  ask: number;
  distractors?: ObjectName[];
}
interface Level {
  voorbeeld: Half;
  opgave: Half;
  harder: string;
}

const LEVELS: Level[] = [
  {
    voorbeeld: {
      pairs: [
        ['ball', 'pemo'],
        ['tree', 'lusa'],
      ],
      ask: 1,
    },
    opgave: {
      pairs: [
        ['cup', 'tiku'],
        ['house', 'bova'],
      ],
      ask: 0,
    },
    harder: 'Eerste item: twee paren, twee keuzes, woorden die totaal verschillend klinken.',
  },
  {
    voorbeeld: {
      pairs: [
        ['sun', 'nefi'],
        ['key', 'duko'],
      ],
      ask: 0,
      distractors: ['chair'],
    },
    opgave: {
      pairs: [
        ['shoe', 'kavu'],
        ['boat', 'mipu'],
      ],
      ask: 1,
      distractors: ['hat'],
    },
    harder: 'Een derde keuze zonder woord: raden tussen twee kan niet meer.',
  },
  {
    voorbeeld: {
      pairs: [
        ['flower', 'sobe'],
        ['lamp', 'fenu'],
        ['car', 'remu'],
      ],
      ask: 2,
    },
    opgave: {
      pairs: [
        ['star', 'todi'],
        ['bucket', 'vasu'],
        ['tent', 'pilu'],
      ],
      ask: 1,
    },
    harder: 'Drie woord-plaatje-paren onthouden in plaats van twee.',
  },
  {
    voorbeeld: {
      pairs: [
        ['leaf', 'fomi'],
        ['glasses', 'sude'],
        ['kite', 'nupe'],
      ],
      ask: 0,
      distractors: ['ladder'],
    },
    opgave: {
      pairs: [
        ['bottle', 'dabu'],
        ['table', 'kifo'],
        ['bag', 'ribo'],
      ],
      ask: 1,
      distractors: ['cloud'],
    },
    harder: 'Drie paren plus een vierde keuze zonder woord.',
  },
  {
    voorbeeld: {
      pairs: [
        ['ball', 'kapo'],
        ['fish', 'kaso'],
        ['umbrella', 'kalu'],
        ['chair', 'kase'],
      ],
      ask: 2,
    },
    opgave: {
      pairs: [
        ['sun', 'tefo'],
        ['cup', 'tebi'],
        ['hat', 'tesu'],
        ['car', 'tepa'],
      ],
      ask: 2,
    },
    harder:
      'Vier paren, en alle woorden beginnen met dezelfde lettergreep: alleen het einde onderscheidt ze.',
  },
  {
    voorbeeld: {
      pairs: [
        ['tree', 'bimu'],
        ['key', 'bamu'],
        ['lamp', 'bomu'],
        ['shoe', 'bemu'],
      ],
      ask: 2,
      distractors: ['star'],
    },
    opgave: {
      pairs: [
        ['boat', 'fidu'],
        ['flower', 'fadu'],
        ['bucket', 'fodu'],
        ['kite', 'fudu'],
      ],
      ask: 1,
      distractors: ['glasses'],
    },
    harder: 'Vier paren die maar in een klinker verschillen, en een vijfde keuze zonder woord.',
  },
  {
    voorbeeld: {
      pairs: [
        ['leaf', 'nopika'],
        ['tent', 'nopeka'],
        ['table', 'nupika'],
        ['ladder', 'nopiku'],
        ['bag', 'napika'],
      ],
      ask: 3,
    },
    opgave: {
      pairs: [
        ['cloud', 'selomu'],
        ['bottle', 'selumu'],
        ['car', 'silomu'],
        ['house', 'selomi'],
        ['fish', 'solomu'],
      ],
      ask: 2,
    },
    harder: 'Vijf paren van drie lettergrepen die telkens maar in een klinker verschillen.',
  },
  {
    voorbeeld: {
      pairs: [
        ['ball', 'pelosa'],
        ['cup', 'belosa'],
        ['umbrella', 'telosa'],
        ['chair', 'delosa'],
        ['sun', 'kelosa'],
        ['hat', 'melosa'],
      ],
      ask: 3,
    },
    opgave: {
      pairs: [
        ['star', 'rimuvo'],
        ['key', 'limuvo'],
        ['shoe', 'nimuvo'],
        ['tree', 'dimuvo'],
        ['lamp', 'simuvo'],
        ['glasses', 'fimuvo'],
      ],
      ask: 2,
    },
    harder: 'Zes paren (de meeste keuzes) die alleen in de eerste medeklinker verschillen.',
  },
];

function scene(reg: Registry, half: Half, seed: string): { scene: Scene; answerId: string } {
  const context = half.pairs.map(([name, word]) =>
    objectVisual(reg, `paar-${name}`, name, claimWord(word, name)),
  );
  const choices = [...half.pairs.map(([name]) => name), ...(half.distractors ?? [])];
  // Options carry no sound: hearing them would give the answer away.
  const options = shuffle(
    choices.map((name) => objectVisual(reg, `keuze-${name}`, name)),
    seed,
  );
  const [askName, askWord] = half.pairs[half.ask]!;
  return {
    scene: { context, prompt: wordAudio(reg, askWord), interaction: { kind: 'choose', options } },
    answerId: `keuze-${askName}`,
  };
}

export function buildWoordenLeren(reg: Registry): BuiltItem[] {
  return LEVELS.map((level, i) => {
    const id = `woorden-leren-${i + 1}`;
    const vb = scene(reg, level.voorbeeld, `${id}-vb`);
    const op = scene(reg, level.opgave, `${id}-op`);
    const n = level.opgave.pairs.length;
    const item = makeItem({
      id,
      family: 'woorden-leren',
      difficulty: i + 1,
      rule: `Leer ${n} nieuwe woorden bij ${n} plaatjes; hoor een woord en tik het plaatje aan (${op.scene.interaction.kind === 'choose' ? op.scene.interaction.options.length : 0} keuzes).`,
      voorbeeld: vb.scene,
      answer: { kind: 'choose', optionId: vb.answerId },
      opgave: op.scene,
      key: { kind: 'choose', optionId: op.answerId },
    });
    return { item, harder: level.harder };
  });
}
