import type { Scene, Visual } from '../../../src/shared/items/index';
import { dotCard, objectTurned, pointer, shape, type ShapeName } from '../lib/figures';
import { arrange, type BuiltItem, makeItem, type PositionPlanner, visual } from '../lib/kit';
import { type Fig, MODEL, type RegelHalf, RULES } from '../rules/regels-zien';
import { OBJECTS, type ObjectName } from '../lib/objects';
import type { Registry } from '../lib/registry';

/**
 * Regels zien: a change is shown (A becomes A', or a row of cards) and must be applied to a new figure: choose the
 * result, or (place) drag a result to the figure it came from. Rules: size, mirror, one dot more, a quarter turn,
 * a turning row, two rules at once. Harder = more options, a rule that wraps around, two rules together, or
 * working backwards.
 */

function figVisual(reg: Registry, id: string, f: Fig): Visual {
  switch (f.t) {
    case 'shape': {
      const name = `vorm-${f.s}-${f.size === 'big' ? 'groot' : 'klein'}-${f.fill === 'solid' ? 'vol' : 'leeg'}`;
      const nl = `${f.size === 'big' ? 'grote' : 'kleine'} ${f.fill === 'solid' ? 'volle' : 'lege'} ${SHAPE_NL[f.s]}`;
      return visual(id, reg.svg(name, shape(f.s, f.size, f.fill)), nl);
    }
    case 'obj': {
      const turns = f.turns ?? 0;
      const name = `draai-${f.o}-${f.mirror ? 'spiegel-' : ''}${turns * 90}${f.small ? '-klein' : ''}`;
      const nl = `${f.small ? 'kleine ' : ''}${OBJECTS[f.o].nl}${f.mirror ? ', gespiegeld' : ''}, ${turns * 90} graden gedraaid`;
      return visual(id, reg.svg(name, objectTurned(f.o, f.mirror ?? false, turns, f.small ? 0.5 : 0.85)), nl);
    }
    case 'pointer': {
      const name = `blok-l-${f.mirror ? 'spiegel-' : ''}${f.turns * 90}`;
      return visual(
        id,
        reg.svg(name, pointer(f.turns, f.mirror)),
        `L-blok${f.mirror ? ', gespiegeld' : ''}, ${f.turns * 90} graden gedraaid`,
      );
    }
    case 'dots':
      return visual(id, reg.svg(`stippen-${f.n}`, dotCard(f.n)), `kaart met ${f.n} stippen`);
  }
}
const SHAPE_NL: Record<ShapeName, string> = {
  circle: 'cirkel',
  square: 'vierkant',
  triangle: 'driehoek',
  diamond: 'ruit',
  hexagon: 'zeshoek',
};

interface Half {
  /** The shown change (A, A', B) or row of cards. */
  context: Fig[];
  options: Fig[];
  /** Index into options of the right answer. */
  answer: number;
  kind: 'choose' | 'place';
  /** place only: the card to drag onto one of the options. */
  token?: Fig;
}
interface Level {
  rule: string;
  /** pair: A, A', B; row: three cards in a row; back: A, A', then drag a result to where it came from. */
  mode: RegelHalf['mode'];
  /** The rule of the model (items/tools/rules/regels-zien.ts) the item is built to test. */
  intended: string;
  voorbeeld: Half;
  opgave: Half;
  harder: string;
}

const sh = (s: ShapeName, size: 'small' | 'big', fill: 'empty' | 'solid' = 'empty'): Fig => ({
  t: 'shape',
  s,
  size,
  fill,
});
const ob = (o: ObjectName, turns = 0, mirror = false, small = false): Fig => ({
  t: 'obj',
  o,
  turns,
  mirror,
  small,
});
const dots = (n: number): Fig => ({ t: 'dots', n });
const pt = (turns: number, mirror = false): Fig => ({ t: 'pointer', turns, mirror });

const LEVELS: Level[] = [
  {
    rule: 'Klein wordt groot: kies de grote versie van de nieuwe vorm.',
    mode: 'pair',
    intended: 'niet draaien, grootte groter, vulling gelijk, stippen gelijk',
    voorbeeld: {
      kind: 'choose',
      context: [sh('circle', 'small'), sh('circle', 'big'), sh('square', 'small')],
      options: [sh('square', 'small'), sh('square', 'big'), sh('circle', 'big')],
      answer: 1,
    },
    opgave: {
      kind: 'choose',
      context: [
        sh('hexagon', 'small', 'solid'),
        sh('hexagon', 'big', 'solid'),
        sh('triangle', 'small', 'solid'),
      ],
      options: [
        sh('triangle', 'big', 'solid'),
        sh('triangle', 'small', 'solid'),
        sh('hexagon', 'big', 'solid'),
      ],
      answer: 0,
    },
    harder:
      'Eerste item: een zichtbare verandering (grootte), drie keuzes (ook de vorm die niet veranderde).',
  },
  {
    rule: 'Spiegelen (links wordt rechts): kies het gespiegelde ding.',
    mode: 'pair',
    intended: 'spiegelen en 0 graden draaien, grootte gelijk, vulling gelijk, stippen gelijk',
    voorbeeld: {
      kind: 'choose',
      context: [ob('cup'), ob('cup', 0, true), ob('key')],
      options: [ob('key', 0, true), ob('key'), ob('key', 2)],
      answer: 0,
    },
    opgave: {
      kind: 'choose',
      context: [ob('boat'), ob('boat', 0, true), ob('shoe')],
      options: [ob('shoe', 2), ob('shoe'), ob('shoe', 0, true)],
      answer: 2,
    },
    harder: 'Drie keuzes, waaronder ondersteboven: spiegelen moet van draaien onderscheiden worden.',
  },
  {
    rule: 'Er komt een stip bij: kies de kaart met een stip meer.',
    mode: 'pair',
    intended: 'niet draaien, grootte gelijk, vulling gelijk, stippen +1',
    voorbeeld: {
      kind: 'choose',
      context: [dots(2), dots(3), dots(4)],
      options: [dots(3), dots(4), dots(5), dots(6)],
      answer: 2,
    },
    opgave: {
      kind: 'choose',
      context: [dots(5), dots(6), dots(7)],
      options: [dots(9), dots(7), dots(6), dots(8)],
      answer: 3,
    },
    harder: 'Vier keuzes, en de stippen moeten geteld worden.',
  },
  {
    rule: 'Er komt een stip bij, terugrekenen: sleep de kaart naar de kaart waar hij uit ontstond.',
    mode: 'back',
    intended: 'niet draaien, grootte gelijk, vulling gelijk, stippen +1, terugrekenen',
    voorbeeld: {
      kind: 'place',
      context: [dots(3), dots(4)],
      token: dots(6),
      options: [dots(4), dots(5), dots(6), dots(7)],
      answer: 1,
    },
    opgave: {
      kind: 'place',
      context: [dots(1), dots(2)],
      token: dots(8),
      options: [dots(9), dots(8), dots(7), dots(6)],
      answer: 2,
    },
    harder:
      'Dezelfde regel achterstevoren toepassen (welke kaart was het eerst?) en slepen in plaats van tikken.',
  },
  {
    rule: 'Een kwartslag met de klok mee draaien: kies de gedraaide versie.',
    mode: 'pair',
    intended: '90 graden draaien, grootte gelijk, vulling gelijk, stippen gelijk',
    voorbeeld: {
      kind: 'choose',
      context: [pt(0), pt(1), ob('shoe')],
      options: [ob('shoe'), ob('shoe', 1), ob('shoe', 2), ob('shoe', 3)],
      answer: 1,
    },
    opgave: {
      kind: 'choose',
      context: [ob('umbrella'), ob('umbrella', 1), pt(1)],
      options: [pt(3), pt(0), pt(1), pt(2)],
      answer: 3,
    },
    harder: 'Draaien is moeilijker voor te stellen dan spiegelen of tellen; vier standen om uit te kiezen.',
  },
  {
    rule: 'Een rij die steeds een kwartslag draait: kies wat er daarna komt.',
    mode: 'row',
    intended: '90 graden draaien, grootte gelijk, vulling gelijk, stippen gelijk',
    voorbeeld: {
      kind: 'choose',
      context: [ob('key'), ob('key', 1), ob('key', 2)],
      options: [ob('key', 3), ob('key'), ob('key', 1), ob('key', 2), ob('key', 3, true)],
      answer: 0,
    },
    opgave: {
      kind: 'choose',
      context: [pt(1), pt(2), pt(3)],
      options: [pt(2), pt(3), pt(0, true), pt(0), pt(1)],
      answer: 3,
    },
    harder:
      'Een reeks van drie volgen, de draaiing loopt in de opgave rond naar het begin; vijf keuzes, ook een gespiegelde.',
  },
  {
    rule: 'Twee regels tegelijk: klein wordt groot en leeg wordt vol.',
    mode: 'pair',
    intended: 'niet draaien, grootte groter, vulling vol, stippen gelijk',
    voorbeeld: {
      kind: 'choose',
      context: [sh('circle', 'small', 'empty'), sh('circle', 'big', 'solid'), sh('square', 'small', 'empty')],
      options: [
        sh('square', 'big', 'empty'),
        sh('square', 'small', 'solid'),
        sh('square', 'big', 'solid'),
        sh('square', 'small', 'empty'),
        sh('diamond', 'big', 'solid'),
      ],
      answer: 2,
    },
    opgave: {
      kind: 'choose',
      context: [
        sh('hexagon', 'small', 'empty'),
        sh('hexagon', 'big', 'solid'),
        sh('triangle', 'small', 'empty'),
      ],
      options: [
        sh('triangle', 'small', 'solid'),
        sh('triangle', 'big', 'solid'),
        sh('circle', 'big', 'solid'),
        sh('triangle', 'big', 'empty'),
        sh('triangle', 'small', 'empty'),
      ],
      answer: 1,
    },
    harder: 'Twee veranderingen tegelijk; elke keuze met maar een van beide is fout.',
  },
  {
    rule: 'Twee regels (kwartslag draaien en kleiner worden), terugrekenen: sleep naar waar het uit ontstond.',
    mode: 'back',
    intended: '90 graden draaien, grootte kleiner, vulling gelijk, stippen gelijk, terugrekenen',
    voorbeeld: {
      kind: 'place',
      context: [ob('cup'), ob('cup', 1, false, true)],
      token: ob('shoe', 2, false, true),
      options: [ob('shoe', 2), ob('shoe', 1), ob('shoe', 1, false, true), ob('shoe', 3), ob('shoe')],
      answer: 1,
    },
    opgave: {
      kind: 'place',
      context: [ob('boat'), ob('boat', 1, false, true)],
      token: ob('key', 1, false, true),
      options: [ob('key', 1), ob('key', 0, false, true), ob('key', 3), ob('key'), ob('key', 2)],
      answer: 3,
    },
    harder: 'Twee regels tegelijk en achterstevoren: de meest abstracte opgave, vijf doelen.',
  },
];

function build(
  reg: Registry,
  half: Half,
  mode: RegelHalf['mode'],
  seed: string,
  position: number,
): { scene: Scene; answer: string; model: RegelHalf } {
  const context = half.context.map((f, i) => figVisual(reg, `regel-${i + 1}`, f));
  const figs = arrange(
    half.options[half.answer]!,
    half.options.filter((_, i) => i !== half.answer),
    position,
    seed,
  );
  const opts = figs.map((f, i) => figVisual(reg, `${half.kind === 'place' ? 'doel' : 'keuze'}-${i + 1}`, f));
  const answer = opts[position]!.id;
  const model: RegelHalf = {
    mode,
    context: half.context,
    options: figs.map((fig, i) => ({ id: opts[i]!.id, fig })),
    kind: half.kind,
    ...(half.token ? { token: half.token } : {}),
  };
  if (half.kind === 'place') {
    return {
      scene: {
        context,
        interaction: { kind: 'place', token: figVisual(reg, 'sleep', half.token!), targets: opts },
      },
      answer,
      model,
    };
  }
  return { scene: { context, interaction: { kind: 'choose', options: opts } }, answer, model };
}

export function buildRegelsZien(reg: Registry, plan: PositionPlanner): BuiltItem[] {
  return LEVELS.map((level, i) => {
    const id = `regels-zien-${i + 1}`;
    const vbAt = plan.next(level.voorbeeld.options.length);
    const vb = build(reg, level.voorbeeld, level.mode, `${id}-vb`, vbAt);
    const op = build(reg, level.opgave, level.mode, `${id}-op`, plan.next(level.opgave.options.length, vbAt));
    const kind = level.opgave.kind;
    const response = (a: string) =>
      kind === 'choose' ? ({ kind, optionId: a } as const) : ({ kind, targetId: a } as const);
    const answer = response(vb.answer);
    const key = response(op.answer);
    return {
      item: makeItem({
        id,
        family: 'regels-zien',
        difficulty: i + 1,
        rule: level.rule,
        voorbeeld: vb.scene,
        answer,
        opgave: op.scene,
        key,
        model: { name: MODEL, rules: RULES, intended: level.intended, voorbeeld: vb.model, opgave: op.model },
      }),
      harder: level.harder,
    };
  });
}
