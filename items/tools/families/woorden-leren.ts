import type { Scene } from '../../../src/shared/items/index';
import { arrange, type BuiltItem, claimWord, makeItem, objectVisual, type PositionPlanner } from '../lib/kit';
import { INTENDED, MODEL, RULES, type WoordenHalf } from '../rules/woorden-leren';
import type { ObjectName } from '../lib/objects';
import type { Registry } from '../lib/registry';
import { wordAudio } from '../lib/words';

/**
 * Woorden leren: pictures are paired with invented spoken words; then one word sounds and the candidate taps its
 * picture. Harder = more pairs to hold, more options (unpaired distractors), words that sound more alike.
 */
interface Half {
  pairs: ReadonlyArray<readonly [ObjectName, string]>;
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
      distractors: ['star'],
    },
    opgave: {
      pairs: [
        ['cup', 'tiku'],
        ['house', 'bova'],
      ],
      ask: 1,
      distractors: ['leaf'],
    },
    harder:
      'Eerste item: twee paren en een derde keuze zonder woord, woorden die totaal verschillend klinken.',
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
      ask: 0,
      distractors: ['hat'],
    },
    harder: 'Nu wordt het eerste woord gevraagd: wie steeds het laatste plaatje kiest, zit ernaast.',
  },
  {
    voorbeeld: {
      pairs: [
        ['flower', 'sobe'],
        ['lamp', 'fenu'],
        ['car', 'remu'],
      ],
      ask: 1,
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
      ask: 1,
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

function scene(
  reg: Registry,
  half: Half,
  seed: string,
  position: number,
): { scene: Scene; answerId: string; model: WoordenHalf } {
  const context = half.pairs.map(([name, word]) =>
    objectVisual(reg, `paar-${name}`, name, claimWord(word, name)),
  );
  const [askName, askWord] = half.pairs[half.ask]!;
  const others = [
    ...half.pairs.map(([name]) => name).filter((n) => n !== askName),
    ...(half.distractors ?? []),
  ];
  // Options carry no sound: hearing them would give the answer away.
  const shown = arrange(askName, others, position, seed);
  const options = shown.map((name) => objectVisual(reg, `keuze-${name}`, name));
  return {
    scene: { context, prompt: wordAudio(reg, askWord), interaction: { kind: 'choose', options } },
    answerId: `keuze-${askName}`,
    model: { pairs: half.pairs, ask: half.ask, options: shown },
  };
}

export function buildWoordenLeren(reg: Registry, plan: PositionPlanner): BuiltItem[] {
  return LEVELS.map((level, i) => {
    const id = `woorden-leren-${i + 1}`;
    const count = (h: Half) => h.pairs.length + (h.distractors?.length ?? 0);
    const vbAt = plan.next(count(level.voorbeeld));
    const vb = scene(reg, level.voorbeeld, `${id}-vb`, vbAt);
    const op = scene(reg, level.opgave, `${id}-op`, plan.next(count(level.opgave), vbAt));
    const n = level.opgave.pairs.length;
    const answer = { kind: 'choose', optionId: vb.answerId } as const;
    const key = { kind: 'choose', optionId: op.answerId } as const;
    const item = makeItem({
      id,
      family: 'woorden-leren',
      difficulty: i + 1,
      rule: `Leer ${n} nieuwe woorden bij ${n} plaatjes; hoor een woord en tik het plaatje aan (${count(level.opgave)} keuzes).`,
      voorbeeld: vb.scene,
      answer,
      opgave: op.scene,
      key,
      model: { name: MODEL, rules: RULES, intended: INTENDED, voorbeeld: vb.model, opgave: op.model },
    });
    return { item, harder: level.harder };
  });
}
