import type { Scene, Visual } from '../../../src/shared/items/index';
import { relationTile, scene as drawScene, objectGroup } from '../lib/figures';
import { arrangeTiles, type BuiltItem, claimWord, makeItem, tileIndices, visual } from '../lib/kit';
import {
  type Fn,
  fnTile as modelFnTile,
  type Group,
  intendedRule,
  MODEL,
  nounTile as modelNounTile,
  RULES,
  type ZinHalf,
} from '../rules/zinnen-bouwen';
import { OBJECTS, type ObjectName } from '../lib/objects';
import type { Registry } from '../lib/registry';
import { sentenceAudio, wordAudio } from '../lib/words';

/**
 * Zinnen bouwen: a picture and its sentence in an invented language, as tiles that speak their word. Then a new
 * picture: put the tiles in the same kind of order. Harder = longer sentences, distractor tiles, a relation word
 * at the end (verb-final), and a count word that must follow the noun it belongs to.
 */
type Token = 'A' | 'B' | Fn;
type Noun = [ObjectName, string];
interface Sentence {
  a: Noun;
  b?: Noun;
  pattern: Token[];
  /** Tiles that are not part of the sentence. */
  distract?: Array<Noun | Fn>;
}
interface Level {
  words: Partial<Record<Fn, string>>;
  voorbeeld: Sentence;
  opgave: Sentence;
  harder: string;
}

/** Tokens a sentence may end on when its relation word comes last. */
const RELATIONS: readonly Token[] = ['on', 'next'];
const FN_NL: Record<Fn, string> = { two: 'twee', three: 'drie', on: 'op', next: 'naast' };

const LEVELS: Level[] = [
  {
    words: { two: 'taru' },
    voorbeeld: { a: ['key', 'sebu'], pattern: ['A', 'two'], distract: [['cup', 'kupi']] },
    opgave: { a: ['hat', 'muve'], pattern: ['A', 'two'], distract: [['tree', 'davo']] },
    harder: 'Eerste item: twee woorden (ding, dan aantal) en een blokje te veel.',
  },
  {
    words: { two: 'bafe' },
    voorbeeld: {
      a: ['boat', 'kofa'],
      pattern: ['A', 'two'],
      distract: [
        ['tree', 'neba'],
        ['shoe', 'sime'],
      ],
    },
    opgave: {
      a: ['flower', 'difo'],
      pattern: ['A', 'two'],
      distract: [
        ['sun', 'voke'],
        ['lamp', 'rone'],
      ],
    },
    harder: 'Twee blokjes te veel: het plaatje bepaalt welk woord meedoet.',
  },
  {
    words: { on: 'somi' },
    voorbeeld: {
      a: ['ball', 'fuli'],
      b: ['chair', 'tepo'],
      pattern: ['A', 'on', 'B'],
      distract: [['kite', 'pako']],
    },
    opgave: {
      a: ['cup', 'rabu'],
      b: ['table', 'kibe'],
      pattern: ['A', 'on', 'B'],
      distract: [['leaf', 'lute']],
    },
    harder: 'Drie woorden en een verband tussen twee dingen (wat staat waarop), een blokje te veel.',
  },
  {
    words: { on: 'vilo' },
    voorbeeld: {
      a: ['lamp', 'nuvi'],
      b: ['table', 'desu'],
      pattern: ['A', 'on', 'B'],
      distract: [
        ['bag', 'fopa'],
        ['tree', 'besa'],
      ],
    },
    opgave: {
      a: ['hat', 'tibo'],
      b: ['chair', 'lako'],
      pattern: ['A', 'on', 'B'],
      distract: [
        ['bucket', 'sevu'],
        ['sun', 'tofi'],
      ],
    },
    harder: 'Drie woorden met een verband, plus twee blokjes te veel.',
  },
  {
    words: { on: 'pisu' },
    voorbeeld: {
      a: ['ball', 'muko'],
      b: ['bucket', 'leva'],
      pattern: ['A', 'B', 'on'],
      distract: [
        ['cup', 'rafe'],
        ['tree', 'nika'],
      ],
    },
    opgave: {
      a: ['key', 'bine'],
      b: ['bag', 'tosa'],
      pattern: ['A', 'B', 'on'],
      distract: [
        ['glasses', 'meku'],
        ['star', 'fore'],
      ],
    },
    harder: 'Het verbandswoord staat achteraan (werkwoord-laatst), anders dan in de talen die men kent.',
  },
  {
    words: { two: 'kafu', on: 'lefi', next: 'dovu' },
    voorbeeld: {
      a: ['ball', 'sidu'],
      b: ['chair', 'bomi'],
      pattern: ['A', 'two', 'on', 'B'],
      distract: ['next'],
    },
    opgave: {
      a: ['cup', 'fane'],
      b: ['table', 'ripo'],
      pattern: ['A', 'two', 'on', 'B'],
      distract: ['next'],
    },
    harder: 'Vier woorden (aantal en verband samen) en een verkeerd verbandswoord als afleider.',
  },
  {
    words: { two: 'vosu', next: 'mapu', on: 'seki' },
    voorbeeld: {
      a: ['shoe', 'kire'],
      b: ['house', 'nalo'],
      pattern: ['A', 'two', 'B', 'next'],
      distract: ['on', ['ball', 'pufa']],
    },
    opgave: {
      a: ['bottle', 'demi'],
      b: ['tent', 'soku'],
      pattern: ['A', 'two', 'B', 'next'],
      distract: ['on', ['bag', 'luve']],
    },
    harder: 'Vier woorden met het verband achteraan, en twee afleiders (een verbandswoord en een ding).',
  },
  {
    words: { two: 'sefi', three: 'fiku', next: 'rutu', on: 'bufo' },
    voorbeeld: {
      a: ['key', 'lomi'],
      b: ['cup', 'pavu'],
      pattern: ['A', 'three', 'B', 'two', 'next'],
      distract: ['on', ['star', 'tika']],
    },
    // Left first and larger group first both fit the voorbeeld; here they agree again (two hats beside one boat).
    opgave: {
      a: ['hat', 'dupi'],
      b: ['boat', 'mevo'],
      pattern: ['A', 'two', 'B', 'next'],
      distract: ['three', 'on', ['leaf', 'kosi']],
    },
    harder:
      'Vijf woorden met twee aantallen; in de opgave is er maar een groep van meer, dus elk aantal moet bij het eigen ding blijven (niet op de plek uit het voorbeeld).',
  },
];

function countAfter(pattern: Token[], noun: 'A' | 'B'): 1 | 2 | 3 {
  const next = pattern[pattern.indexOf(noun) + 1];
  return next === 'two' ? 2 : next === 'three' ? 3 : 1;
}

function meaning(s: Sentence, tiles: readonly Visual[]): ZinHalf {
  const relation = s.pattern.includes('on') ? 'on' : s.pattern.includes('next') ? 'next' : null;
  const groups: Group[] = [{ kind: s.a[0], count: countAfter(s.pattern, 'A') }];
  if (s.b) groups.push({ kind: s.b[0], count: countAfter(s.pattern, 'B') });
  return { relation, groups, tiles: tiles.map((t) => t.id) };
}

function build(
  reg: Registry,
  level: Level,
  s: Sentence,
  seed: string,
  copied: readonly number[],
): { scene: Omit<Scene, 'prompt'>; words: string[]; sequence: string[]; model: ZinHalf } {
  const word = (fn: Fn): string => {
    const w = level.words[fn];
    if (w === undefined) throw new Error(`${seed}: no word for ${fn}`);
    return claimWord(w, FN_NL[fn]);
  };
  const nounTile = ([name, w]: Noun): Visual =>
    visual(
      modelNounTile(name),
      reg.svg(`obj-${name}`, objectGroup(name, 1)),
      `blokje: ${OBJECTS[name].nl} ("${w}")`,
      wordAudio(reg, claimWord(w, name)),
    );
  const fnTile = (fn: Fn): Visual =>
    visual(
      modelFnTile(fn),
      reg.svg(`woord-${fn}`, relationTile(fn)),
      `blokje: ${FN_NL[fn]} ("${word(fn)}")`,
      wordAudio(reg, word(fn)),
    );
  const tileFor = (t: Token): Visual => (t === 'A' ? nounTile(s.a) : t === 'B' ? nounTile(s.b!) : fnTile(t));

  const inSentence = s.pattern.map(tileFor);
  const extra = (s.distract ?? []).map((d) => (typeof d === 'string' ? fnTile(d) : nounTile(d)));
  const rel = s.pattern.includes('on') ? 'on' : s.pattern.includes('next') ? 'next' : null;
  const [aName] = s.a;
  const aCount = countAfter(s.pattern, 'A');
  const picture =
    rel === null || s.b === undefined
      ? reg.svg(`groep-${aName}-${aCount}`, objectGroup(aName, aCount))
      : reg.svg(
          `beeld-${aName}-${aCount}-${rel}-${s.b[0]}-${countAfter(s.pattern, 'B')}`,
          drawScene(rel, aName, aCount, s.b[0], countAfter(s.pattern, 'B')),
        );
  const wordsSaid = s.pattern.map((t) => (t === 'A' ? s.a[1] : t === 'B' ? s.b![1] : word(t)));
  const sequence = inSentence.map((t) => t.id);
  const tiles = arrangeTiles([...inSentence, ...extra], sequence, seed, copied);
  return {
    scene: {
      context: [visual('plaatje', picture, `plaatje bij de zin "${wordsSaid.join(' ')}"`)],
      interaction: { kind: 'order', tiles, slots: s.pattern.length },
    },
    words: wordsSaid,
    sequence,
    model: meaning(s, tiles),
  };
}

export function buildZinnenBouwen(reg: Registry): BuiltItem[] {
  return LEVELS.map((level, i) => {
    const id = `zinnen-bouwen-${i + 1}`;
    const vb = build(reg, level, level.voorbeeld, `${id}-vb`, []);
    const vbTiles = vb.scene.interaction.kind === 'order' ? vb.scene.interaction.tiles : [];
    const op = build(reg, level, level.opgave, `${id}-op`, tileIndices(vbTiles, vb.sequence));
    const shape = level.voorbeeld.pattern
      .map((t) => (t === 'A' || t === 'B' ? 'ding' : FN_NL[t]))
      .join(' + ');
    const answer = { kind: 'order', sequence: vb.sequence } as const;
    const key = { kind: 'order', sequence: op.sequence } as const;
    const pattern = level.opgave.pattern;
    return {
      item: makeItem({
        id,
        family: 'zinnen-bouwen',
        difficulty: i + 1,
        rule: `Zinsvolgorde ${shape}; bouw de zin bij een nieuw plaatje (${op.sequence.length} plekken, ${op.scene.interaction.kind === 'order' ? op.scene.interaction.tiles.length : 0} blokjes).`,
        // The voorbeeld speaks its whole sentence; the opgave does not (that would give the order away).
        voorbeeld: { ...vb.scene, prompt: sentenceAudio(reg, vb.words) },
        answer,
        opgave: op.scene,
        key,
        model: {
          name: MODEL,
          rules: RULES,
          intended: intendedRule(op.model.relation, RELATIONS.includes(pattern[pattern.length - 1]!)),
          voorbeeld: vb.model,
          opgave: op.model,
        },
      }),
      harder: level.harder,
    };
  });
}
