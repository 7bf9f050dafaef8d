import type { Scene, Visual } from '../../../src/shared/items/index';
import { relationTile, scene as drawScene, objectGroup } from '../lib/figures';
import { type BuiltItem, claimWord, makeItem, shuffle, visual } from '../lib/kit';
import { OBJECTS, type ObjectName } from '../lib/objects';
import type { Registry } from '../lib/registry';
import { sentenceAudio, wordAudio } from '../lib/words';

/**
 * Zinnen bouwen: a picture and its sentence in an invented language, as tiles that speak their word. Then a new
 * picture: put the tiles in the same kind of order. Harder = longer sentences, distractor tiles, a relation word
 * at the end (verb-final), and a count word that must follow the noun it belongs to.
 */
type Fn = 'two' | 'three' | 'on' | 'next';
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

const FN_NL: Record<Fn, string> = { two: 'twee', three: 'drie', on: 'op', next: 'naast' };

const LEVELS: Level[] = [
  {
    words: { two: 'taru' },
    voorbeeld: { a: ['key', 'sebu'], pattern: ['A', 'two'] },
    opgave: { a: ['hat', 'muve'], pattern: ['A', 'two'] },
    harder: 'Eerste item: twee woorden (ding, dan aantal), geen extra blokjes.',
  },
  {
    words: { two: 'bafe' },
    voorbeeld: { a: ['boat', 'kofa'], pattern: ['A', 'two'], distract: [['tree', 'neba']] },
    opgave: { a: ['flower', 'difo'], pattern: ['A', 'two'], distract: [['sun', 'voke']] },
    harder: 'Een blokje te veel: het plaatje bepaalt welk woord meedoet.',
  },
  {
    words: { on: 'somi' },
    voorbeeld: { a: ['ball', 'fuli'], b: ['chair', 'tepo'], pattern: ['A', 'on', 'B'] },
    opgave: { a: ['cup', 'rabu'], b: ['table', 'kibe'], pattern: ['A', 'on', 'B'] },
    harder: 'Drie woorden en een verband tussen twee dingen (wat staat waarop).',
  },
  {
    words: { on: 'vilo' },
    voorbeeld: {
      a: ['lamp', 'nuvi'],
      b: ['table', 'desu'],
      pattern: ['A', 'on', 'B'],
      distract: [['bag', 'fopa']],
    },
    opgave: {
      a: ['hat', 'tibo'],
      b: ['chair', 'lako'],
      pattern: ['A', 'on', 'B'],
      distract: [['bucket', 'sevu']],
    },
    harder: 'Drie woorden met een verband, plus een blokje te veel.',
  },
  {
    words: { on: 'pisu' },
    voorbeeld: {
      a: ['ball', 'muko'],
      b: ['bucket', 'leva'],
      pattern: ['A', 'B', 'on'],
      distract: [['cup', 'rafe']],
    },
    opgave: {
      a: ['key', 'bine'],
      b: ['bag', 'tosa'],
      pattern: ['A', 'B', 'on'],
      distract: [['glasses', 'meku']],
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
      pattern: ['A', 'two', 'B', 'three', 'next'],
      distract: ['on', ['star', 'tika']],
    },
    opgave: {
      a: ['hat', 'dupi'],
      b: ['boat', 'mevo'],
      pattern: ['A', 'three', 'B', 'two', 'next'],
      distract: ['on', ['leaf', 'kosi']],
    },
    harder: 'Vijf woorden; twee en drie wisselen van plaats, dus elk aantal moet bij het eigen ding blijven.',
  },
];

function countAfter(pattern: Token[], noun: 'A' | 'B'): number {
  const next = pattern[pattern.indexOf(noun) + 1];
  return next === 'two' ? 2 : next === 'three' ? 3 : 1;
}

function build(
  reg: Registry,
  level: Level,
  s: Sentence,
  seed: string,
): { scene: Omit<Scene, 'prompt'>; words: string[]; sequence: string[] } {
  const word = (fn: Fn): string => {
    const w = level.words[fn];
    if (w === undefined) throw new Error(`${seed}: no word for ${fn}`);
    return claimWord(w, FN_NL[fn]);
  };
  const nounTile = ([name, w]: Noun): Visual =>
    visual(
      `blok-${name}`,
      reg.svg(`obj-${name}`, objectGroup(name, 1)),
      `blokje: ${OBJECTS[name].nl} ("${w}")`,
      wordAudio(reg, claimWord(w, name)),
    );
  const fnTile = (fn: Fn): Visual =>
    visual(
      `blok-${fn}`,
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
  return {
    scene: {
      context: [visual('plaatje', picture, `plaatje bij de zin "${wordsSaid.join(' ')}"`)],
      interaction: {
        kind: 'order',
        tiles: shuffle([...inSentence, ...extra], seed),
        slots: s.pattern.length,
      },
    },
    words: wordsSaid,
    sequence: inSentence.map((t) => t.id),
  };
}

export function buildZinnenBouwen(reg: Registry): BuiltItem[] {
  return LEVELS.map((level, i) => {
    const id = `zinnen-bouwen-${i + 1}`;
    const vb = build(reg, level, level.voorbeeld, `${id}-vb`);
    const op = build(reg, level, level.opgave, `${id}-op`);
    const shape = level.voorbeeld.pattern
      .map((t) => (t === 'A' || t === 'B' ? 'ding' : FN_NL[t]))
      .join(' + ');
    return {
      item: makeItem({
        id,
        family: 'zinnen-bouwen',
        difficulty: i + 1,
        rule: `Zinsvolgorde ${shape}; bouw de zin bij een nieuw plaatje (${op.sequence.length} plekken, ${op.scene.interaction.kind === 'order' ? op.scene.interaction.tiles.length : 0} blokjes).`,
        // The voorbeeld speaks its whole sentence; the opgave does not (that would give the order away).
        voorbeeld: { ...vb.scene, prompt: sentenceAudio(reg, vb.words) },
        answer: { kind: 'order', sequence: vb.sequence },
        opgave: op.scene,
        key: { kind: 'order', sequence: op.sequence },
      }),
      harder: level.harder,
    };
  });
}
